package herald.web.api.idempotency;

import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.shared.KeyTokens;
import herald.shared.WorkspaceId;
import herald.web.api.ApiSettings;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Idempotency keys that travel in the call instead of an {@code Idempotency-Key} header: the {@code idempotencyKey}
 * argument of an MCP tool, whose client cannot set a header per call. The workspace's keys, store and rules are the
 * header's ({@link IdempotencyFilter}): the first call with a key runs and its result is kept for
 * {@code herald.api.idempotency.retention}; the same call again gets that result without running; another call under
 * the key is refused; a call arriving while the first runs waits for it, at most {@code await-concurrent}. A call that
 * throws keeps nothing and releases its key, so that it may be retried with the same key.
 */
@Component
public class IdempotentCalls {

    /** The header's rule: 1 to 255 visible ASCII characters. */
    public static final Pattern VALID_KEY = Pattern.compile("^[\\x21-\\x7E]{1,255}$");

    private static final Logger log = LoggerFactory.getLogger(IdempotentCalls.class);

    private final IdempotencyStore store;
    private final ApiSettings.Idempotency settings;

    IdempotentCalls(IdempotencyStore store, ApiSettings settings) {
        this.store = store;
        this.settings = settings.idempotency();
    }

    /** A call's result (JSON), and whether it is the kept result of an earlier call with the key. */
    public record Result(byte[] json, boolean replayed) {}

    /**
     * Runs {@code call} at most once for the key {@code given} in the workspace's {@code scope} (say one agent's calls:
     * the scope is stored as the key's prefix), or returns what its first run returned. {@code fingerprint} says which calls
     * are the same.
     *
     * @throws InvalidInput for a key that breaks {@link #VALID_KEY}, naming {@code argument}
     * @throws Conflict when the key was used for a different call, or its call still runs after the wait
     */
    public Result once(
            WorkspaceId workspace,
            String scope,
            String argument,
            String given,
            byte[] fingerprint,
            Supplier<byte[]> call) {
        if (!VALID_KEY.matcher(given).matches()) {
            throw new InvalidInput(argument, "Use 1 to 255 visible ASCII characters, like a UUID.");
        }
        // Stored as the scope and the given key's SHA-256: within the column's 255 characters whatever the scope.
        String key = scope + HexFormat.of().formatHex(KeyTokens.hash(given));
        var owner = new IdempotencyStore.Owner(workspace);
        Optional<IdempotencyStore.Entry> holder;
        try {
            holder = store.claimOrAwait(owner, key, fingerprint, settings);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Conflict(argument, "Interrupted while waiting for the call that holds this key. Call again.");
        }
        if (holder.isEmpty()) {
            return new Result(run(owner, key, call), false);
        }
        IdempotencyStore.Entry entry = holder.get();
        if (!Arrays.equals(entry.fingerprint(), fingerprint)) {
            throw new Conflict(
                    argument,
                    "This " + argument + " was already used for a different call. Use a new key for a new post;"
                            + " reuse a key only to repeat the very same call.");
        }
        if (entry.completed() && entry.response() != null) {
            return new Result(entry.response().body(), true);
        }
        throw new Conflict(
                argument, "A call with this " + argument + " is still running. Call again shortly to get its result.");
    }

    private byte[] run(IdempotencyStore.Owner owner, String key, Supplier<byte[]> call) {
        byte[] json;
        try {
            json = call.get();
        } catch (RuntimeException | Error e) {
            release(owner, key);
            throw e;
        }
        try {
            store.complete(
                    owner,
                    key,
                    new StoredResponse(200, Map.of(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE), json));
        } catch (RuntimeException e) {
            // The call ran: a retry with the key would run it again, as it would without one.
            log.warn("Could not keep the result of a call with an idempotency key", e);
            release(owner, key);
        }
        return json;
    }

    private void release(IdempotencyStore.Owner owner, String key) {
        try {
            store.release(owner, key);
        } catch (RuntimeException e) {
            log.warn("Could not release an idempotency key; it frees itself after {}", settings.abandonAfter(), e);
        }
    }
}
