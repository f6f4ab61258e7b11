package herald.web.mcp;

import herald.web.api.ApiSettings;
import herald.web.api.problems.ProblemType;
import herald.web.api.problems.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The edge of the MCP endpoint. Caps request bodies at the API's {@code herald.api.max-body-size} (413 before the
 * SDK reads them). And answers the SDK's own refusals (unknown method, unparsable message) as JSON-RPC error objects:
 * the SDK's servlet writes its exception object, stack trace included, which must never leave Herald.
 */
class McpRequests extends OncePerRequestFilter {

    private final long max;
    private final ProblemWriter problems;
    private final JsonMapper json;

    McpRequests(ApiSettings settings, ProblemWriter problems, JsonMapper json) {
        this.max = settings.maxBodySize().toBytes();
        this.problems = problems;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > max) {
            tooLarge(request, response);
            return;
        }
        byte[] body = readUpTo(request.getInputStream(), max + 1);
        if (body.length > max) {
            tooLarge(request, response);
            return;
        }
        var captured = new ContentCachingResponseWrapper(response);
        chain.doFilter(new Buffered(request, body), captured);
        byte[] answer = captured.getContentAsByteArray();
        if (captured.getStatus() >= 400 && contains(answer, "\"jsonRpcError\"")) {
            captured.resetBuffer();
            rewrite(body, answer, captured);
        }
        captured.copyBodyToResponse();
    }

    private void rewrite(byte[] request, byte[] answer, HttpServletResponse response) throws IOException {
        JsonNode sdkError = json.readTree(answer).path("jsonRpcError");
        int code = sdkError.path("code").asInt(-32603);
        String message = sdkError.path("message").asString("The request could not be handled.");
        if (message.contains("Missing handler for request type")) {
            code = -32601;
            message = "Unknown method" + message.substring(message.lastIndexOf(':'))
                    + ". This server offers initialize, ping, tools/list and tools/call.";
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("jsonrpc", "2.0");
        reply.put("id", requestId(request));
        reply.put("error", error);
        response.setStatus(code == -32603 ? 500 : 400);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(json.writeValueAsBytes(reply));
    }

    private Object requestId(byte[] request) {
        try {
            JsonNode id = json.readTree(request).path("id");
            return id.isNumber() ? id.numberValue() : id.isString() ? id.asString() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        problems.write(
                request,
                response,
                ProblemType.PAYLOAD_TOO_LARGE.problem(
                        "The MCP request is larger than " + max
                                + " bytes. Send shorter arguments: a post's content and its firstComment are at most 10000 characters each."));
    }

    private static boolean contains(byte[] bytes, String text) {
        return new String(bytes, StandardCharsets.UTF_8).contains(text);
    }

    private static byte[] readUpTo(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int read;
        while (total < limit && (read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total))) != -1) {
            out.write(buffer, 0, read);
            total += read;
        }
        return out.toByteArray();
    }

    /** The request with its body already read, so the SDK reads it again from memory. */
    private static final class Buffered extends HttpServletRequestWrapper {

        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
