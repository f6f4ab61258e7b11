package herald.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Plan limits come from configuration, and an operator changes them with {@code HERALD_PLANS_<PLAN>_<LIMIT>}. */
class PlanSettingsTests {

    static PlanSettings bind(Map<String, Object> environmentVariables) {
        var environment = new StandardEnvironment();
        var sources = environment.getPropertySources();
        sources.addFirst(new MapPropertySource(
                "application.yml",
                Map.of(
                        "herald.plans.free.members", "3",
                        "herald.plans.free.posts-per-day", "10",
                        "herald.plans.free.api-requests-per-hour", "300")));
        sources.addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environmentVariables));
        ConfigurationPropertySources.attach(environment);
        return Binder.get(environment).bind("herald", PlanSettings.class).get();
    }

    @Test
    void anEnvironmentVariableChangesOneLimitOfOnePlan() {
        PlanSettings settings = bind(Map.of(
                "HERALD_PLANS_FREE_MEMBERS", "5",
                "HERALD_PLANS_FREE_API_REQUESTS_PER_HOUR", "600",
                "HERALD_PLANS_FREE_POSTSPERDAY", "20"));
        PlanLimits free = settings.plans().get("free");
        assertThat(free.members()).isEqualTo(5);
        assertThat(free.apiRequestsPerHour()).isEqualTo(600);
        assertThat(free.postsPerDay()).as("dashes may also be left out").isEqualTo(20);
    }

    @Test
    void anEnvironmentVariableCanAddAPlan() {
        PlanSettings settings = bind(Map.of("HERALD_PLANS_AGENCY_MEMBERS", "200"));
        assertThat(settings.plans()).containsKeys("free", "agency");
        assertThat(settings.plans().get("agency").members()).isEqualTo(200);
    }
}
