package herald.operations;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code HERALD_LOG_FORMAT}: {@code text} (the default) logs plain lines for people; {@code json} logs one Logstash-style
 * JSON object per line for log collectors, through Spring Boot's structured logging. Runs before the logging system
 * starts, so the very first lines are already in the chosen format. An explicit
 * {@code logging.structured.format.console} still wins.
 */
public class LogFormat implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "herald.log-format";
    static final String STRUCTURED_CONSOLE = "logging.structured.format.console";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = environment.getProperty(PROPERTY, "text").strip().toLowerCase(Locale.ROOT);
        switch (format) {
            case "text", "plain", "" -> {}
            case "json" ->
                environment
                        .getPropertySources()
                        .addLast(new MapPropertySource("heraldLogFormat", Map.of(STRUCTURED_CONSOLE, "logstash")));
            default ->
                throw new IllegalStateException(
                        "HERALD_LOG_FORMAT is '" + format + "': use 'text' (the default) or 'json'.");
        }
    }

    @Override
    public int getOrder() {
        // After the configuration files and the environment have been read.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
