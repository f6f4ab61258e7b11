package herald.webhooks;

import herald.shared.PublicHosts;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends one signed delivery and says how it went. Its own client: pooled connections, no redirects followed (a 3xx is
 * a failed attempt), no retries of its own (the delivery's schedule retries), connect and read timeouts, and a
 * resolver that refuses internal addresses at every connection ({@link PublicHosts}), so a name pointed at Herald's
 * network after it was saved reaches nothing there. At most {@value #MAX_ANSWER} bytes of an answer are read.
 */
@Component
class WebhookHttp implements DisposableBean {

    static final int MAX_ANSWER = 300;
    static final String USER_AGENT = "Herald-Webhooks/1";

    /** How an attempt went: an HTTP status, or none with the reason the endpoint could not be reached. */
    record Result(@Nullable Integer status, @Nullable String error, int durationMs) {

        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private final CloseableHttpClient client;

    WebhookHttp(WebhookSettings settings) {
        this.client = PublicHosts.allowing(settings.allowedHosts())
                .client(settings.connectTimeout(), settings.readTimeout(), 0)
                .setUserAgent(USER_AGENT)
                .build();
    }

    Result send(URI url, String eventId, long timestamp, String signature, String body) {
        HttpPost post = new HttpPost(url);
        post.setHeader("webhook-id", eventId);
        post.setHeader("webhook-timestamp", Long.toString(timestamp));
        post.setHeader("webhook-signature", signature);
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
        long start = System.nanoTime();
        try {
            return client.execute(post, response -> {
                int status = response.getCode();
                String answer = "";
                if (response.getEntity() != null) {
                    try (InputStream in = response.getEntity().getContent()) {
                        answer = new String(in.readNBytes(MAX_ANSWER), StandardCharsets.UTF_8);
                    }
                }
                int ms = millisSince(start);
                if (status >= 200 && status < 300) {
                    return new Result(status, null, ms);
                }
                return new Result(status, refusal(status, answer, response.getFirstHeader("location")), ms);
            });
        } catch (PublicHosts.Refused e) {
            return new Result(
                    null,
                    "The host " + e.host() + " now resolves to an internal address ("
                            + e.address().getHostAddress() + "); Herald only sends events to public addresses.",
                    millisSince(start));
        } catch (UnknownHostException e) {
            return new Result(null, "The host does not resolve.", millisSince(start));
        } catch (ConnectTimeoutException e) {
            return new Result(null, "The connection timed out.", millisSince(start));
        } catch (java.net.SocketTimeoutException e) {
            return new Result(null, "No answer within the read timeout.", millisSince(start));
        } catch (java.net.ConnectException e) {
            return new Result(null, "The connection was refused.", millisSince(start));
        } catch (javax.net.ssl.SSLException e) {
            return new Result(null, "The TLS handshake failed: " + oneLine(e.getMessage()), millisSince(start));
        } catch (IOException e) {
            return new Result(null, "The request failed: " + oneLine(e.getMessage()), millisSince(start));
        }
    }

    private static String refusal(int status, String answer, org.apache.hc.core5.http.@Nullable Header location) {
        if (status >= 300 && status < 400) {
            return "HTTP " + status + ": redirects are not followed"
                    + (location == null ? "" : " (to " + oneLine(location.getValue()) + ")")
                    + "; give the final URL.";
        }
        String text = oneLine(answer);
        return text.isEmpty() ? "HTTP " + status : "HTTP " + status + ": " + text;
    }

    private static String oneLine(@Nullable String text) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private static int millisSince(long start) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public void destroy() throws IOException {
        client.close();
    }
}
