package herald.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BioPageControllerTest {

    @Test
    void aTilesCaptionIsItsFirstLineOfWordsWithoutLinksOrElseTheLinksHost() {
        assertThat(BioPageController.caption(
                        "Open late. Order ahead: https://krusty.example.com/order\nSecond line", "https://x.example/"))
                .isEqualTo("Open late. Order ahead:");
        assertThat(BioPageController.caption(
                        "https://krusty.example.com/a\n\nThe menu", "https://krusty.example.com/a"))
                .isEqualTo("The menu");
        assertThat(BioPageController.caption("https://krusty.example.com/a", "https://krusty.example.com/a"))
                .isEqualTo("krusty.example.com");
        assertThat(BioPageController.caption("x".repeat(200), "https://a.example/"))
                .hasSize(120)
                .endsWith("…");
    }
}
