package herald.providers.x;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * X's own OpenAPI document (src/test/resources/x/x-api-v2.openapi.json, version 2.167) as a judge of every request the
 * provider sends to the WireMock stand-in: paths, methods, query parameters (unknown ones are errors), security and
 * JSON bodies (the document's {@code additionalProperties: false} rejects unknown fields). The OAuth token and revoke
 * endpoints are not in the document and the media downloads are Herald's own, so those are left to the tests' own
 * assertions.
 *
 * <p>Two checks the validator library does not make are added here: every request carries a bearer token (the document's
 * OAuth 2.0 user-token security, which the library does not check), and a {@code multipart/form-data} body (the chunks
 * of a media upload, which the library does not read) is checked as the equivalent JSON body, which X's document
 * allows with the same schema: its parts as fields, a file part as base64.
 */
final class XOpenApi {

    private static final OpenApiInteractionValidator VALIDATOR =
            OpenApiInteractionValidator.createForInlineApiSpecification(spec())
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR)
                            .withLevel("validation.request.body.unexpected", ValidationReport.Level.ERROR)
                            .build())
                    .build();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private XOpenApi() {}

    /** Every request {@code wiremock} received for X's API, with what the document finds wrong in each. */
    static List<String> problems(WireMockServer wiremock) {
        List<String> problems = new ArrayList<>();
        for (var event : wiremock.getAllServeEvents()) {
            LoggedRequest logged = event.getRequest();
            String path = URI.create(logged.getUrl()).getRawPath();
            if (!path.startsWith("/2/") || path.startsWith("/2/oauth2/")) {
                continue;
            }
            String authorization = logged.getHeader("Authorization");
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                problems.add(logged.getMethod() + " " + logged.getUrl() + ": no bearer token");
            }
            ValidationReport report = VALIDATOR.validateRequest(request(logged));
            for (ValidationReport.Message message : report.getMessages()) {
                if (message.getLevel() == ValidationReport.Level.ERROR) {
                    problems.add(logged.getMethod() + " " + logged.getUrl() + ": " + message.getKey() + " "
                            + message.getMessage());
                }
            }
        }
        return problems;
    }

    /** How many requests for X's API {@code wiremock} received: validation of none proves nothing. */
    static long validated(WireMockServer wiremock) {
        return wiremock.getAllServeEvents().stream()
                .map(event -> URI.create(event.getRequest().getUrl()).getRawPath())
                .filter(path -> path.startsWith("/2/") && !path.startsWith("/2/oauth2/"))
                .count();
    }

    private static Request request(LoggedRequest logged) {
        URI uri = URI.create(logged.getUrl());
        var builder = new SimpleRequest.Builder(logged.getMethod().getName(), uri.getRawPath());
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] parts = pair.split("=", 2);
                builder.withQueryParam(
                        URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        boolean multipart = logged.isMultipart();
        for (HttpHeader header : logged.getHeaders().all()) {
            if (!(multipart && header.keyEquals("Content-Type"))) {
                builder.withHeader(header.key(), header.values());
            }
        }
        if (multipart) {
            builder.withContentType("application/json").withBody(asJson(logged));
        } else if (logged.getBody() != null && logged.getBody().length > 0) {
            builder.withBody(logged.getBody());
        }
        return builder.build();
    }

    /** A multipart body as the JSON body with the same fields: numbers as numbers, files as base64. */
    private static String asJson(LoggedRequest logged) {
        ObjectNode body = JSON.createObjectNode();
        for (var part : logged.getParts()) {
            String disposition = part.getHeader("Content-Disposition").firstValue();
            if (disposition.contains("filename=")) {
                body.put(
                        part.getName(),
                        Base64.getEncoder().encodeToString(part.getBody().asBytes()));
            } else {
                String value = part.getBody().asString();
                if (value.matches("-?[0-9]{1,18}")) {
                    body.put(part.getName(), Long.parseLong(value));
                } else {
                    body.put(part.getName(), value);
                }
            }
        }
        return JSON.writeValueAsString(body);
    }

    private static String spec() {
        try (InputStream in = XOpenApi.class.getResourceAsStream("/x/x-api-v2.openapi.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
