package herald.web.api;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the REST API treats requests ({@code herald.api.*}).
 *
 * @param maxBodySize largest request body accepted (multipart uploads excepted); larger ones get 413
 * @param idempotency how {@code Idempotency-Key} responses are kept and awaited
 * @param rateLimit the per-workspace request limit of each plan
 */
@ConfigurationProperties("herald.api")
public record ApiSettings(
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue Idempotency idempotency,
        @DefaultValue RateLimit rateLimit) {

    /**
     * @param retention how long a first response is replayed for the same key
     * @param awaitConcurrent how long a request waits for a concurrent one with its key to finish before answering 409
     * @param abandonAfter a request still running after this long is presumed dead, and its key may be claimed again
     * @param purgeInterval how often expired keys are deleted
     */
    public record Idempotency(
            @DefaultValue("24h") Duration retention,
            @DefaultValue("10s") Duration awaitConcurrent,
            @DefaultValue("5m") Duration abandonAfter,
            @DefaultValue("1h") Duration purgeInterval) {}

    /**
     * @param enabled whether plans' {@code api-requests-per-hour} are enforced
     * @param purgeInterval how often buckets of idle workspaces are deleted
     */
    public record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("1h") Duration purgeInterval) {}
}
