package herald.providers.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import herald.providers.ContentRules;
import herald.providers.PublishRequest;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bluesky's limits as Herald checks them before a post is accepted: graphemes, bytes, images, the link. */
class BlueskyContentTests {

    static final String FAMILY = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66"; // 👨‍👩‍👧‍👦
    static final String FLAG = "\uD83C\uDDEB\uD83C\uDDF7"; // 🇫🇷
    static final String E_ACUTE_COMBINED = "e\u0301";
    static final URI LINK = URI.create("https://example.com/launch");

    final ContentRules rules = BlueskyContent.rules();

    @Test
    void countsWhatAPersonSeesAsOneCharacterAsOne() {
        assertThat(rules.length(FAMILY)).as("a family emoji of 7 code points").isEqualTo(1);
        assertThat(rules.length(FLAG)).as("a flag of two regional indicators").isEqualTo(1);
        assertThat(rules.length(E_ACUTE_COMBINED))
                .as("e with a combining acute")
                .isEqualTo(1);
        assertThat(rules.length("Café " + FAMILY + "!")).isEqualTo(7);
        assertThat(FAMILY.codePointCount(0, FAMILY.length()))
                .as("what code points would say")
                .isEqualTo(7);
    }

    @Test
    void threeHundredGraphemesFitAndThreeHundredAndOneDoNot() {
        assertThat(rules.maxTextLength()).isEqualTo(300);
        assertThat(rules.length(FAMILY.repeat(300))).isEqualTo(300);
        assertThat(rules.length("a".repeat(299) + FAMILY)).isEqualTo(300);
        assertThat(rules.length("a".repeat(300) + FAMILY)).isEqualTo(301);
    }

    @Test
    void takesUpToFourImagesOfTwoMillionBytesAndNoVideo() {
        assertThat(rules.maxMedia()).isEqualTo(4);
        assertThat(rules.mediaKinds()).containsExactly("image");
        assertThat(rules.maxMediaBytes()).isEqualTo(2_000_000);
        assertThat(rules.linkAllowed()).isTrue();
    }

    @Test
    void theLinkGoesAtTheEndUnlessTheTextHasIt() {
        assertThat(BlueskyContent.text("Launch day  ", LINK)).isEqualTo("Launch day\n\nhttps://example.com/launch");
        assertThat(BlueskyContent.text("See https://example.com/launch now", LINK))
                .isEqualTo("See https://example.com/launch now");
        assertThat(BlueskyContent.text("", LINK)).isEqualTo("https://example.com/launch");
        assertThat(BlueskyContent.text("No link", null)).isEqualTo("No link");
    }

    @Test
    void aTextThatFitsAloneButNotWithItsLinkIsToldByHowMuch() {
        String text = "a".repeat(280);
        assertThat(BlueskyContent.problems(text, null)).isEmpty();
        assertThat(BlueskyContent.problems(text, LINK))
                .containsExactly("With its link the text is 308 of 300 characters as Bluesky counts them; shorten the"
                        + " text.");
        assertThat(BlueskyContent.problems("a".repeat(274), LINK))
                .as("274 + 2 line breaks + 26 = 302")
                .hasSize(1);
        assertThat(BlueskyContent.problems("a".repeat(272), LINK)).isEmpty();
    }

    @Test
    void threeHundredGraphemesOverThreeThousandBytesAreRefused() {
        String families = FAMILY.repeat(300); // 300 graphemes, 25 bytes each
        assertThat(BlueskyContent.problems(families, null))
                .singleElement()
                .asString()
                .contains("7500 bytes")
                .contains("at most 3000");
        assertThat(BlueskyContent.problems("é".repeat(300), null))
                .as("600 bytes")
                .isEmpty();
        assertThat(BlueskyContent.commentProblems(families))
                .singleElement()
                .asString()
                .startsWith("The comment");
        assertThat(BlueskyContent.commentProblems("fine")).isEmpty();
    }

    @Test
    void theProviderSaysTheSame() {
        var image = PublishRequest.Media.image(URI.create("https://herald.test/a.png"), "image/png", 10);
        var provider = BlueskyStub.offline();
        assertThat(provider.contentRules().length(FAMILY)).isEqualTo(1);
        assertThat(provider.contentProblems("a".repeat(290), LINK, List.of(image)))
                .hasSize(1);
        assertThat(provider.commentMaxLength()).isEqualTo(300);
        assertThat(provider.commentProblems(FAMILY.repeat(200))).hasSize(1);
    }
}
