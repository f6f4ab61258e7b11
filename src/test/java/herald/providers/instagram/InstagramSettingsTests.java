package herald.providers.instagram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** application.yml as an operator meets it: Instagram uses the Facebook app unless given its own. */
class InstagramSettingsTests {

    @Test
    void usesTheFacebookAppsCredentialsVersionAndHostsByDefault() throws IOException {
        InstagramSettings settings = bind(Map.of(
                "HERALD_FACEBOOK_CLIENT_ID", "fb-app",
                "HERALD_FACEBOOK_CLIENT_SECRET", "fb-secret",
                "HERALD_FACEBOOK_GRAPH_VERSION", "v27.0"));
        assertThat(settings.clientId()).isEqualTo("fb-app");
        assertThat(settings.clientSecret()).isEqualTo("fb-secret");
        assertThat(settings.graphVersion()).isEqualTo("v27.0");
        assertThat(settings.graphUrl()).hasToString("https://graph.facebook.com");
        assertThat(provider(settings).oauth().authorizationEndpoint())
                .hasToString("https://www.facebook.com/v27.0/dialog/oauth");
        assertThat(settings.maxHashtags()).isEqualTo(30);
        assertThat(provider(settings).missingSettings()).isEmpty();
    }

    @Test
    void takesItsOwnAppWhenGivenOne() throws IOException {
        InstagramSettings settings = bind(Map.of(
                "HERALD_FACEBOOK_CLIENT_ID", "fb-app",
                "HERALD_INSTAGRAM_CLIENT_ID", "ig-app",
                "HERALD_INSTAGRAM_CLIENT_SECRET", "ig-secret"));
        assertThat(settings.clientId()).isEqualTo("ig-app");
        assertThat(settings.clientSecret()).isEqualTo("ig-secret");
    }

    @Test
    void withoutAnyAppItNamesTheFacebookVariables() throws IOException {
        InstagramSettings settings = bind(Map.of());
        assertThat(provider(settings).missingSettings())
                .containsExactly("HERALD_FACEBOOK_CLIENT_ID", "HERALD_FACEBOOK_CLIENT_SECRET");
        assertThat(settings.graphVersion()).isEqualTo("v26.0");
    }

    static InstagramSettings bind(Map<String, Object> env) throws IOException {
        var environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("env", env));
        new YamlPropertySourceLoader()
                .load("application", new ClassPathResource("application.yml"))
                .forEach(source -> environment.getPropertySources().addLast(source));
        return Binder.get(environment)
                .bind("herald.providers.instagram", InstagramSettings.class)
                .get();
    }

    /** The provider made of these settings: the dialog and the missing variables are its to say. */
    static InstagramProvider provider(InstagramSettings settings) {
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        var clock = java.time.Clock.systemUTC();
        return new InstagramProvider(
                settings,
                new herald.providers.meta.GraphUsage(90, java.time.Duration.ofHours(1), json, clock),
                json,
                clock);
    }
}
