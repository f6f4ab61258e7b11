package herald.web.api;

import herald.web.api.problems.ProblemType;
import herald.web.api.problems.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps API request bodies at {@code herald.api.max-body-size}: a larger declared length is refused before reading,
 * and a body without a length is read only up to the cap. The accepted body is kept in memory for the idempotency
 * fingerprint and the controller. Multipart uploads are left to the endpoints that take them.
 */
class RequestBodyLimit extends OncePerRequestFilter {

    private final long max;
    private final ProblemWriter problems;

    RequestBodyLimit(ApiSettings settings, ProblemWriter problems) {
        this.max = settings.maxBodySize().toBytes();
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !ApiPaths.isApi(request) || (type != null && type.toLowerCase().startsWith("multipart/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > max) {
            refuse(request, response);
            return;
        }
        byte[] body = readUpTo(request.getInputStream(), max + 1);
        if (body.length > max) {
            refuse(request, response);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        problems.write(
                request,
                response,
                ProblemType.PAYLOAD_TOO_LARGE.problem(
                        "The request body is larger than " + max + " bytes. Send less data per request."));
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
}
