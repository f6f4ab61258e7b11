package herald.web.api;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Endpoints that exist only in the API tests: one that fails with an unexpected exception, to see the 500 problem
 * and that a failed first attempt is not kept for idempotent replays. The nested controller is registered as a
 * member of this configuration, so only contexts that import it have it.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestEndpoints {

    @RestController
    @RequestMapping("/api/v1/workspaces/{workspaceId}/test-failures")
    static class Failing {

        final AtomicInteger calls = new AtomicInteger();

        /** Fails on every odd call with an exception whose message must not reach the client. */
        @PostMapping
        @ResponseStatus(HttpStatus.CREATED)
        Attempt fail() {
            int call = calls.incrementAndGet();
            if (call % 2 == 1) {
                throw new IllegalStateException("secret internals: connection string jdbc:postgresql://db/herald");
            }
            return new Attempt(call);
        }
    }

    record Attempt(int call) {}
}
