package herald.notifications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code herald.notifications.*}.
 *
 * @param retention how long a notification is kept, read or not; older ones are deleted every hour
 * @param email how notifications are e-mailed, once {@code spring.mail.host} is set
 */
@ConfigurationProperties("herald.notifications")
record NotificationSettings(@DefaultValue("90d") Duration retention, @DefaultValue Email email) {

    NotificationSettings {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("herald.notifications.retention must be positive, not " + retention);
        }
    }

    /**
     * {@code herald.notifications.email.*}.
     *
     * @param from the sender of every notification e-mail
     * @param maxAttempts how many times an e-mail is tried before it is given up (with a log line)
     * @param backoff the wait after the first failed attempt; each further one waits four times longer
     * @param every how often the sending job looks for e-mail that is due
     */
    record Email(
            @DefaultValue("Herald <herald@localhost>") String from,
            @DefaultValue("4") int maxAttempts,
            @DefaultValue("1m") Duration backoff,
            @DefaultValue("5s") Duration every) {

        Email {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("herald.notifications.email.max-attempts must be at least 1");
            }
            if (backoff.isNegative() || backoff.isZero() || every.isNegative() || every.isZero()) {
                throw new IllegalArgumentException(
                        "herald.notifications.email.backoff and .every must be positive durations");
            }
        }

        /** The wait after the {@code attempts}-th failed attempt: backoff, then four times as long each time. */
        Duration backoffAfter(int attempts) {
            return backoff.multipliedBy((long) Math.pow(4, Math.min(Math.max(attempts - 1, 0), 10)));
        }
    }
}
