package herald.providers.facebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** application.yml as an operator meets it: the documented variables reach the settings, with Meta's real hosts. */
class FacebookSettingsTests {

    @Test
    void theDocumentedVariablesConfigureTheApp() throws IOException {
        FacebookSettings settings = bind(Map.of(
                "HERALD_FACEBOOK_CLIENT_ID", "fb-app",
                "HERALD_FACEBOOK_CLIENT_SECRET", "fb-secret",
                "HERALD_FACEBOOK_GRAPH_VERSION", "v27.0",
                "HERALD_FACEBOOK_GRAPH_URL", "http://graph.stand-in.test"));
        assertThat(settings.clientId()).isEqualTo("fb-app");
        assertThat(settings.clientSecret()).isEqualTo("fb-secret");
        assertThat(settings.graph().url("me", Map.of())).hasToString("http://graph.stand-in.test/v27.0/me");
        assertThat(provider(settings).oauth().authorizationEndpoint())
                .hasToString("https://www.facebook.com/v27.0/dialog/oauth");
        assertThat(provider(settings).missingSettings()).isEmpty();
        assertThat(settings.toString()).doesNotContain("fb-secret");
    }

    @Test
    void withoutThemTheRealHostsAndTheContractsVersionAndTheVariablesToSet() throws IOException {
        FacebookSettings settings = bind(Map.of());
        assertThat(settings.graphVersion()).isEqualTo("v26.0");
        assertThat(settings.graphUrl()).hasToString("https://graph.facebook.com");
        assertThat(settings.scopes())
                .containsExactly(
                        "pages_show_list",
                        "pages_manage_posts",
                        "pages_read_engagement",
                        "read_insights",
                        "pages_manage_engagement");
        assertThat(provider(settings).missingSettings())
                .containsExactly("HERALD_FACEBOOK_CLIENT_ID", "HERALD_FACEBOOK_CLIENT_SECRET");
    }

    static FacebookSettings bind(Map<String, Object> env) throws IOException {
        var environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("env", env));
        new YamlPropertySourceLoader()
                .load("application", new ClassPathResource("application.yml"))
                .forEach(source -> environment.getPropertySources().addLast(source));
        return Binder.get(environment)
                .bind("herald.providers.facebook", FacebookSettings.class)
                .get();
    }

    /** The provider made of these settings: the dialog and the missing variables are its to say. */
    static FacebookProvider provider(FacebookSettings settings) {
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        var clock = java.time.Clock.systemUTC();
        return new FacebookProvider(
                settings,
                new herald.providers.meta.GraphUsage(90, java.time.Duration.ofHours(1), json, clock),
                herald.providers.MediaDownloadsTests.reading("http://localhost:8080"),
                json,
                clock);
    }
}
