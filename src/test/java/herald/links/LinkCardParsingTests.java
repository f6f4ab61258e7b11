package herald.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** What a page's head gives a card: Open Graph first, then Twitter's tags, then plain HTML, each kept to one line. */
class LinkCardParsingTests {

    static final URI PAGE = URI.create("https://krusty.example/menu/today");

    static LinkCard parse(String html) {
        return LinkCardFetcher.parse(PAGE, Jsoup.parse(html, PAGE.toString()));
    }

    @Test
    void openGraphComesFirstWithItsImageMadeAbsolute() {
        LinkCard card = parse(
                """
                <html><head><title>Menu | Krusty</title>
                <meta name="description" content="Plain description">
                <meta property="og:title" content="Today's  menu
                   at Krusty's">
                <meta property="og:description" content="Three pizzas &amp; a calzone">
                <meta property="og:image" content="/img/today.jpg">
                <meta property="og:site_name" content="Krusty Pizza">
                </head><body>ignored</body></html>""");

        assertThat(card.title()).isEqualTo("Today's menu at Krusty's");
        assertThat(card.description()).isEqualTo("Three pizzas & a calzone");
        assertThat(card.image()).isEqualTo(URI.create("https://krusty.example/img/today.jpg"));
        assertThat(card.siteName()).isEqualTo("Krusty Pizza");
        assertThat(card.named()).isTrue();
    }

    @Test
    void withoutOpenGraphTheTitleAndMetaDescriptionServe() {
        LinkCard card = parse(
                """
                <html><head><title> Menu | Krusty </title>
                <meta name="twitter:description" content="">
                <meta name="description" content="What we bake today">
                <meta property="og:image" content="javascript:alert(1)">
                </head></html>""");

        assertThat(card.title()).isEqualTo("Menu | Krusty");
        assertThat(card.description()).as("an empty tag is skipped").isEqualTo("What we bake today");
        assertThat(card.image()).as("only a web address is an image").isNull();
        assertThat(card.siteName()).isNull();
    }

    @Test
    void aPageThatNamesNothingGivesNoCard() {
        assertThat(parse("<html><head></head><body><h1>Hi</h1></body></html>").named())
                .isFalse();
    }

    @Test
    void aLongTitleEndsWithAnEllipsisAtTheLimitWithoutSplittingACharacter() {
        String title = "🍕".repeat(400);
        LinkCard card = parse("<html><head><meta property=\"og:title\" content=\"" + title + "\"></head></html>");

        assertThat(card.title()).hasSize(299 * 2 + 1).endsWith("🍕…");
        assertThat(card.title().codePointCount(0, card.title().length())).isEqualTo(300);
    }
}
