package herald.demo;

import herald.connections.ConnectFlow;
import herald.connections.Connections;
import herald.connections.Initiator;
import herald.connections.OAuthFlows;
import herald.connections.OAuthSession;
import herald.shared.WorkspaceId;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Connects a demo workspace to its Sandbox account through the real OAuth flow, over HTTP, as a person would: Herald
 * starts a connect, the Sandbox's consent form is approved for the account, and the browser's trip to Herald's
 * callback stores the connection. Nothing reaches into the Sandbox or the connection tables directly, so the demo
 * proves the flow on every first start.
 */
@Component
class DemoConnections {

    static final String PROVIDER = "sandbox";

    private static final Logger log = LoggerFactory.getLogger(DemoConnections.class);

    private final OAuthFlows flows;
    private final Connections connections;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    DemoConnections(OAuthFlows flows, Connections connections) {
        this.flows = flows;
        this.connections = connections;
    }

    /**
     * Connects {@code handle} unless the workspace has ever had a Sandbox connection: one the owner disconnected stays
     * disconnected. Answers whether it connected; a failure is logged and leaves the demo usable without it.
     */
    boolean connectIfNeverConnected(WorkspaceId workspace, String workspaceName, String handle) {
        boolean connectedBefore =
                connections.list(workspace).stream().anyMatch(c -> c.provider().equals(PROVIDER));
        if (connectedBefore) {
            return false;
        }
        try {
            OAuthSession session = flows.start(
                    workspace,
                    new OAuthFlows.Start(PROVIDER, "company", ConnectFlow.API, null),
                    Initiator.system("demo data"));
            URI callback = approve(session.authorizationUrl(), handle);
            HttpResponse<String> landed = http.send(
                    HttpRequest.newBuilder(callback)
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (landed.statusCode() != 200) {
                throw new IOException("Herald's callback answered " + landed.statusCode());
            }
            log.info("Demo workspace '{}' connected to the Sandbox account @{}", workspaceName, handle);
            return true;
        } catch (IOException | RuntimeException e) {
            log.warn(
                    "Demo workspace '{}' could not be connected to the Sandbox account @{}: {}. Connect it from the"
                            + " Connections page.",
                    workspaceName,
                    handle,
                    e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Submits the Sandbox's consent form for {@code handle} and answers where it sends the browser back to. */
    private URI approve(URI authorizationUrl, String handle) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>(query(authorizationUrl));
        form.put("account", handle);
        form.put("decision", "approve");
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI consent = URI.create(authorizationUrl.toString().split("\\?", 2)[0]);
        HttpResponse<Void> approved = http.send(
                HttpRequest.newBuilder(consent)
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        String location = approved.headers()
                .firstValue("Location")
                .orElseThrow(() -> new IOException("the Sandbox's consent answered " + approved.statusCode()
                        + " without sending the browser back"));
        if (location.contains("error=")) {
            throw new IOException("the Sandbox refused the consent");
        }
        return URI.create(location);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            String[] parts = pair.split("=", 2);
            parameters.put(
                    URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return parameters;
    }
}
