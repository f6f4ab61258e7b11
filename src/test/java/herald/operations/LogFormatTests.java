package herald.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code HERALD_LOG_FORMAT}: plain text unless it says {@code json}. */
@ExtendWith(OutputCaptureExtension.class)
class LogFormatTests {

    final LogFormat logFormat = new LogFormat();

    @Configuration(proxyBeanMethods = false)
    static class NothingButLogging {}

    /** Starts an application that does nothing but set up logging from the given properties, logs a line, stops. */
    static void startAndLog(String... properties) {
        try (var context = new SpringApplicationBuilder(NothingButLogging.class)
                .web(WebApplicationType.NONE)
                .properties(properties)
                .run()) {
            LoggerFactory.getLogger("herald.operations.check").warn("a line to read back");
        }
    }

    @AfterEach
    void plainLogsForTheTestsThatFollow() {
        // Logging is global to the JVM, and Spring Boot keeps the format in a system property it never clears: leave
        // both as every other test expects them.
        System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
        startAndLog();
    }

    @Test
    void jsonAsksSpringBootForLogstashStyleStructuredLogs() {
        var environment = new MockEnvironment().withProperty("herald.log-format", "JSON");
        logFormat.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("logstash");
    }

    @Test
    void theEnvironmentVariableIsWhatOperatorsSet() {
        var environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource("env", Map.of("HERALD_LOG_FORMAT", "json")));
        logFormat.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("logstash");
    }

    @Test
    void plainTextIsTheDefault() {
        for (String format : new String[] {null, "text", "plain"}) {
            var environment = new MockEnvironment();
            if (format != null) {
                environment.setProperty("herald.log-format", format);
            }
            logFormat.postProcessEnvironment(environment, new SpringApplication());
            assertThat(environment.getProperty("logging.structured.format.console"))
                    .as(format)
                    .isNull();
        }
    }

    @Test
    void anExplicitStructuredFormatWins() {
        var environment = new MockEnvironment()
                .withProperty("herald.log-format", "json")
                .withProperty("logging.structured.format.console", "ecs");
        logFormat.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
    }

    @Test
    void anUnknownFormatStopsTheStartWithTheChoices() {
        var environment = new MockEnvironment().withProperty("herald.log-format", "xml");
        assertThatThrownBy(() -> logFormat.postProcessEnvironment(environment, new SpringApplication()))
                .hasMessage("HERALD_LOG_FORMAT is 'xml': use 'text' (the default) or 'json'.");
    }

    @Test
    void jsonLogsAreOneObjectPerLine(CapturedOutput output) {
        startAndLog("herald.log-format=json");

        List<String> lines = Arrays.stream(output.getOut().split("\\R"))
                .filter(line -> line.contains("a line to read back"))
                .toList();
        assertThat(lines).hasSize(1);
        JsonNode line = JsonMapper.builder().build().readTree(lines.getFirst());
        assertThat(line.path("message").asString()).isEqualTo("a line to read back");
        assertThat(line.path("level").asString()).isEqualTo("WARN");
        assertThat(line.path("logger_name").asString()).isEqualTo("herald.operations.check");
        assertThat(line.has("@timestamp")).isTrue();
    }

    @Test
    void plainLogsAreText(CapturedOutput output) {
        startAndLog();

        assertThat(output.getOut())
                .containsPattern("WARN .*herald\\.operations\\.check\\s*: a line to read back")
                .doesNotContain("{\"@timestamp\"");
    }
}
