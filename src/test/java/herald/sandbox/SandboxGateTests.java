package herald.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** The gate's decisions that need other settings than the application tests' (no Spring, no database). */
class SandboxGateTests {

    static SandboxSettings settings(boolean enabled, String adminToken) {
        return new SandboxSettings(
                enabled,
                adminToken,
                Map.of(),
                java.time.Duration.ofHours(2),
                java.time.Duration.ofDays(30),
                new SandboxSettings.RateLimit(300, java.time.Duration.ofMinutes(15)),
                new SandboxSettings.Media(1024, java.time.Duration.ofSeconds(1), java.util.List.of()),
                java.time.Duration.ofSeconds(1),
                null);
    }

    static MockHttpServletResponse call(SandboxSettings settings, String path, String adminHeader) throws Exception {
        var gate = new SandboxGate(
                settings,
                mock(Faults.class),
                mock(RateWindows.class),
                JsonMapper.builder().build(),
                Clock.systemUTC());
        var request = new MockHttpServletRequest("GET", path);
        if (adminHeader != null) {
            request.addHeader(SandboxGate.ADMIN_HEADER, adminHeader);
        }
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();
        gate.doFilter(request, response, chain);
        if (chain.getRequest() != null) {
            response.setStatus(299);
        }
        return response;
    }

    @Test
    void withNoAdminTokenConfiguredTheAdminEndpointsAreOffEvenForABlankHeader() throws Exception {
        assertThat(call(settings(true, ""), "/sandbox/admin/stats", "").getStatus())
                .isEqualTo(404);
        assertThat(call(settings(true, " "), "/sandbox/admin/stats", " ").getStatus())
                .isEqualTo(404);
        assertThat(call(settings(true, "secret"), "/sandbox/admin/stats", "secret")
                        .getStatus())
                .as("passed on")
                .isEqualTo(299);
    }

    @Test
    void aDisabledSandboxServesNothing() throws Exception {
        assertThat(call(settings(false, "secret"), "/sandbox/@krusty", null).getStatus())
                .isEqualTo(404);
        assertThat(call(settings(false, "secret"), "/sandbox/oauth/authorize", null)
                        .getStatus())
                .isEqualTo(404);
        assertThat(call(settings(true, "secret"), "/sandbox/@krusty", null).getStatus())
                .isEqualTo(299);
    }
}
