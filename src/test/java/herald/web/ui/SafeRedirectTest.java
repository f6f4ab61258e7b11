package herald.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SafeRedirectTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/w/krusty-pizza/members",
                "/invitations/abc_DEF-123",
                "/w/x/audit?action=member.joined&to=2026-11-24"
            })
    void acceptsPathsOnThisSite(String target) {
        assertThat(SafeRedirect.of(target)).contains(target);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "https://evil.example/",
                "//evil.example",
                "///evil.example",
                "/\\evil.example",
                "\\\\evil.example",
                "javascript:alert(1)",
                "evil.example/x",
                "/ok\r\nSet-Cookie: x=y",
                "/tab\tinside",
                "http:/evil.example"
            })
    void refusesAnythingThatCouldLeaveTheSite(String target) {
        assertThat(SafeRedirect.of(target)).isEmpty();
    }
}
