package herald.web.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Endpoints that exist only in the API tests: a content mutation (it needs the write scope) that fails with an
 * unexpected exception the first time it sees a marker and succeeds after, to see the 500 problem and that a failed
 * first attempt is not kept for idempotent replays; or, given {@code sleepMillis}, takes that long to succeed. The nested controller is registered as a member of this
 * configuration, so only contexts that import it have it.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestEndpoints {

    record Trial(String marker, @org.jspecify.annotations.Nullable Long sleepMillis) {}

    record Attempt(String marker, int call) {}

    @RestController
    @RequestMapping("/api/v1/workspaces/{workspaceId}/test-failures")
    static class Failing {

        private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

        @PostMapping
        @ResponseStatus(HttpStatus.CREATED)
        Attempt attempt(@RequestBody Trial trial) {
            int call = calls.computeIfAbsent(trial.marker(), marker -> new AtomicInteger())
                    .incrementAndGet();
            if (trial.sleepMillis() != null) {
                sleep(trial.sleepMillis());
                return new Attempt(trial.marker(), call);
            }
            if (call == 1) {
                throw new IllegalStateException("secret internals: jdbc:postgresql://db.internal/herald");
            }
            return new Attempt(trial.marker(), call);
        }

        /** Fails as a model call of {@code kind} would, to check the problem it becomes. */
        @org.springframework.web.bind.annotation.GetMapping("/ai/{kind}")
        Attempt ai(@org.springframework.web.bind.annotation.PathVariable String kind) {
            throw new herald.content.AiFailure(
                    herald.content.AiFailure.Kind.valueOf(kind), "The AI endpoint failed as " + kind + ".");
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
