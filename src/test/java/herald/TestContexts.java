package herald;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Closes the Spring contexts the suite keeps in its cache when the test run ends: before Surefire calls {@code
 * System.exit}, while the embedded PostgreSQL still runs.
 *
 * <p>Left to the JVM's exit, two shutdown hooks race: Spring Boot's, which closes the cached contexts one after
 * another, and the one zonky's {@code EmbeddedPostgres} always registers, which stops PostgreSQL within the first
 * second. Every context then closed against a stopped database: db-scheduler's stop waited for polling threads blocked
 * in Hikari's {@code getConnection}, and each pool's close waited for its connection adder's back-off. With thirty
 * and more cached contexts the fork outlived Surefire's 30 seconds and was killed. Closed here, each context stops in
 * moments, and at exit only PostgreSQL is left to stop.
 *
 * <p>Registered as a context initializer ({@code META-INF/spring.factories}, so every context a test starts is known)
 * and as a JUnit launcher session listener ({@code META-INF/services}).
 */
public final class TestContexts
        implements ApplicationContextInitializer<ConfigurableApplicationContext>, LauncherSessionListener {

    private static final Logger log = LoggerFactory.getLogger(TestContexts.class);
    private static final Deque<ConfigurableApplicationContext> open = new ConcurrentLinkedDeque<>();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        open.push(context);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                open.remove(context);
            }
        });
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        long start = System.nanoTime();
        int count = open.size();
        // Newest first, so that a child context closes before its parent.
        for (ConfigurableApplicationContext context = open.poll(); context != null; context = open.poll()) {
            context.close();
        }
        log.info("Closed {} cached contexts in {} ms", count, (System.nanoTime() - start) / 1_000_000);
    }
}
