package herald.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UiModelTest {

    @Test
    void namesPlatformsAsASentenceWithTheSandboxLast() {
        assertThat(UiModel.names(List.of("Bluesky", "Mastodon", "Sandbox", "X")))
                .isEqualTo("Bluesky, Mastodon, X and the Sandbox");
        assertThat(UiModel.names(List.of("Sandbox", "X"))).isEqualTo("X and the Sandbox");
        assertThat(UiModel.names(List.of("X"))).isEqualTo("X");
        assertThat(UiModel.names(List.of())).isEmpty();
    }
}
