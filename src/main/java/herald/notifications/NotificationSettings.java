package herald.notifications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code herald.notifications.*}.
 *
 * @param retention how long a notification is kept, read or not; older ones are deleted every hour
 */
@ConfigurationProperties("herald.notifications")
record NotificationSettings(@DefaultValue("90d") Duration retention) {

    NotificationSettings {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("herald.notifications.retention must be positive, not " + retention);
        }
    }
}
