package herald.web.api.idempotency;

import herald.web.CurrentWorkspace;
import herald.web.api.ApiPaths;
import herald.web.api.ApiSettings;
import herald.web.api.CachedBodyRequest;
import herald.web.api.problems.FieldProblem;
import herald.web.api.problems.ProblemType;
import herald.web.api.problems.ProblemWriter;
import herald.web.security.OperatorPrincipal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} for every mutating API request. The first request with a key runs and its response is
 * kept; a retry with the same method, path and body gets that response again (with {@code Idempotency-Replayed:
 * true}), another request under the key gets 422, and a request arriving while the first still runs waits for it and
 * replays it (or gets 409 after {@code herald.api.idempotency.await-concurrent}). Keys are per workspace; the operator's are its
 * own. A first attempt that failed on Herald's side (5xx), or was refused before it ran (401, 403, 429), is not kept,
 * so the client may simply retry.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotency-Replayed";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION);

    private final IdempotencyStore store;
    private final ApiSettings.Idempotency settings;
    private final ProblemWriter problems;
    private final ResponseRedaction redaction;

    IdempotencyFilter(
            IdempotencyStore store, ApiSettings settings, ProblemWriter problems, ResponseRedaction redaction) {
        this.store = store;
        this.settings = settings.idempotency();
        this.problems = problems;
        this.redaction = redaction;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiPaths.isApi(request) || !ApiPaths.isMutating(request) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!IdempotentCalls.VALID_KEY.matcher(key).matches()) {
            problems.write(
                    request,
                    response,
                    ProblemType.INVALID_INPUT.problem(
                            "The Idempotency-Key header must be 1 to 255 visible ASCII characters, like a UUID.",
                            List.of(new FieldProblem(HEADER, "Use 1 to 255 visible ASCII characters."))));
            return;
        }
        Optional<IdempotencyStore.Owner> owner = owner(request);
        if (owner.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        byte[] fingerprint = fingerprint(request);
        Optional<IdempotencyStore.Entry> holder;
        try {
            holder = store.claimOrAwait(owner.get(), key, fingerprint, settings);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for a concurrent request", e);
        }
        if (holder.isEmpty()) {
            execute(request, response, chain, owner.get(), key);
            return;
        }
        IdempotencyStore.Entry entry = holder.get();
        if (!Arrays.equals(entry.fingerprint(), fingerprint)) {
            problems.write(
                    request,
                    response,
                    ProblemType.IDEMPOTENCY_KEY_REUSED.problem(
                            "This Idempotency-Key was already used for a different request (method, path or body)."
                                    + " Use a new key for a new request."));
            return;
        }
        if (entry.completed() && entry.response() != null) {
            replay(response, entry.response());
            return;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        problems.write(
                request,
                response,
                ProblemType.IDEMPOTENCY_IN_PROGRESS.problem(
                        "A request with this Idempotency-Key is still being processed. Retry shortly to get"
                                + " its response."));
    }

    private void execute(
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain,
            IdempotencyStore.Owner owner,
            String key)
            throws ServletException, IOException {
        var captured = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(request, captured);
            kept = keep(request, captured, owner, key);
        } finally {
            if (!kept) {
                releaseQuietly(owner, key);
            }
            captured.copyBodyToResponse();
        }
    }

    /** Keeps the response for retries when it is final; a failure to keep it only costs the retry its replay. */
    private boolean keep(
            HttpServletRequest request,
            ContentCachingResponseWrapper captured,
            IdempotencyStore.Owner owner,
            String key) {
        if (!keeps(captured.getStatus())) {
            return false;
        }
        try {
            store.complete(owner, key, stored(request, captured));
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not keep the response to idempotency key {}", key, e);
            return false;
        }
    }

    /** Responses a retry must get again; not failures on Herald's side nor refusals that depend on who or when. */
    private static boolean keeps(int status) {
        return status < 500 && status != 401 && status != 403 && status != 429;
    }

    private StoredResponse stored(HttpServletRequest request, ContentCachingResponseWrapper captured) {
        var headers = new TreeMap<String, String>();
        for (String name : KEPT_HEADERS) {
            String value = name.equals(HttpHeaders.CONTENT_TYPE) ? captured.getContentType() : captured.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        byte[] body = redaction.redact(captured.getContentAsByteArray(), OneTimeSecrets.of(request));
        return new StoredResponse(captured.getStatus(), headers, body);
    }

    private static void replay(HttpServletResponse response, StoredResponse stored) throws IOException {
        response.setStatus(stored.status());
        stored.headers().forEach(response::setHeader);
        response.setHeader(REPLAYED, "true");
        response.setContentLength(stored.body().length);
        response.getOutputStream().write(stored.body());
    }

    private void releaseQuietly(IdempotencyStore.Owner owner, String key) {
        try {
            store.release(owner, key);
        } catch (RuntimeException e) {
            log.warn("Could not release idempotency key {}; it frees itself after {}", key, settings.abandonAfter(), e);
        }
    }

    private static Optional<IdempotencyStore.Owner> owner(HttpServletRequest request) {
        Optional<CurrentWorkspace> workspace = CurrentWorkspace.of(request);
        if (workspace.isPresent()) {
            return Optional.of(new IdempotencyStore.Owner(workspace.get().id()));
        }
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller != null && caller.getPrincipal() instanceof OperatorPrincipal) {
            return Optional.of(IdempotencyStore.Owner.operator());
        }
        return Optional.empty();
    }

    /** What makes two requests "the same": method, path with query, and body. */
    private static byte[] fingerprint(HttpServletRequest request) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            String query = request.getQueryString();
            String line =
                    request.getMethod() + " " + ApiPaths.path(request) + (query == null ? "" : "?" + query) + "\n";
            sha256.update(line.getBytes(StandardCharsets.UTF_8));
            Optional<byte[]> body = CachedBodyRequest.body(request);
            if (body.isPresent()) {
                sha256.update(body.get());
            } else {
                String described = request.getContentType() + ";" + request.getContentLengthLong();
                sha256.update(described.getBytes(StandardCharsets.UTF_8));
            }
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
