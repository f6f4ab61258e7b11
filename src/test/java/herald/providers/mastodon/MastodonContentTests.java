package herald.providers.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import herald.providers.ContentRules;
import herald.providers.PublishRequest;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Mastodon's limits as Herald checks them before a post is accepted, and the post addresses it reads. */
class MastodonContentTests {

    static final String FAMILY = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66"; // 👨‍👩‍👧‍👦
    static final URI LINK = URI.create("https://example.com/a/very/long/path/that/goes/on/and/on?utm_source=herald");

    final ContentRules rules = MastodonContent.rules();

    @Test
    void everyUrlCountsTwentyThree() {
        assertThat(rules.length(LINK.toString())).isEqualTo(23);
        assertThat(rules.length("See http://a.co now")).as("4 + 23 + 4").isEqualTo(31);
        assertThat(rules.length("two " + LINK + " and " + LINK)).isEqualTo(4 + 23 + 5 + 23);
        assertThat(rules.length("example.com"))
                .as("without a scheme it is text")
                .isEqualTo(11);
    }

    @Test
    void aMentionOfAnotherServersAccountCountsOnlyItsUser() {
        assertThat(rules.length("@bob@other.social")).isEqualTo(4);
        assertThat(rules.length("hi @bob@other.social!")).isEqualTo("hi @bob!".length());
        assertThat(rules.length("@bob")).isEqualTo(4);
        assertThat(rules.length("mail me at bob@other.social"))
                .as("an address is no mention")
                .isEqualTo(27);
        assertThat(rules.length("https://other.social/@bob")).as("inside a URL").isEqualTo(23);
    }

    @Test
    void whatIsLeftCountsAsAPersonSeesIt() {
        assertThat(rules.length(FAMILY)).isEqualTo(1);
        assertThat(rules.length("Café")).isEqualTo(4);
        assertThat(rules.maxTextLength()).isEqualTo(500);
        assertThat(rules.length("a".repeat(477) + " " + LINK)).isEqualTo(501);
    }

    @Test
    void takesFourMediaImagesAndVideosAndALink() {
        assertThat(rules.maxMedia()).isEqualTo(4);
        assertThat(rules.mediaKinds()).containsExactlyInAnyOrder("image", "video");
        assertThat(rules.maxMediaBytes()).isEqualTo(99L * 1024 * 1024);
        assertThat(rules.linkAllowed()).isTrue();
    }

    @Test
    void theLinkGoesAtTheEndUnlessTheTextHasIt() {
        URI link = URI.create("https://example.com/launch");
        assertThat(MastodonContent.text("Launch day  ", link)).isEqualTo("Launch day\n\nhttps://example.com/launch");
        assertThat(MastodonContent.text("See https://example.com/launch", link))
                .isEqualTo("See https://example.com/launch");
        assertThat(MastodonContent.text("", link)).isEqualTo("https://example.com/launch");
    }

    @Test
    void aTextThatFitsAloneButNotWithItsLinkIsToldByHowMuch() {
        assertThat(MastodonContent.problems("a".repeat(475), LINK, List.of()))
                .as("475 + 2 line breaks + 23 = 500")
                .isEmpty();
        assertThat(MastodonContent.problems("a".repeat(480), LINK, List.of()))
                .containsExactly("With its link the text is 505 of 500 characters as Mastodon counts them (the link"
                        + " counts 23); shorten the text.");
    }

    @Test
    void aVideoGoesAloneAndSizesAndTypesAreMastodons() {
        var image = PublishRequest.Media.image(URI.create("https://herald.test/a.png"), "image/png", 1_000);
        var video = new PublishRequest.Media(URI.create("https://herald.test/v.mp4"), "video/mp4", "video", 5_000, "");
        assertThat(MastodonContent.problems("Hi", null, List.of(video))).isEmpty();
        assertThat(MastodonContent.problems("Hi", null, List.of(image, image, image, image)))
                .isEmpty();
        assertThat(MastodonContent.problems("Hi", null, List.of(image, video)))
                .singleElement()
                .asString()
                .contains("video alone");
        assertThat(MastodonContent.problems(
                        "Hi",
                        null,
                        List.of(PublishRequest.Media.image(
                                URI.create("https://herald.test/b.png"), "image/png", 17L << 20))))
                .containsExactly("An image is 17.0 MB; Mastodon takes images up to 16 MB.");
        assertThat(MastodonContent.problems(
                        "Hi",
                        null,
                        List.of(PublishRequest.Media.image(
                                URI.create("https://herald.test/b.tiff"), "image/tiff", 10))))
                .singleElement()
                .asString()
                .contains("not image/tiff");
        assertThat(MastodonContent.problems(
                        "Hi",
                        null,
                        List.of(new PublishRequest.Media(
                                URI.create("https://herald.test/a.png"), "image/png", "image", 10, "d".repeat(1_501)))))
                .singleElement()
                .asString()
                .contains("1500");
        assertThat(MastodonContent.problems(" ", null, List.of()))
                .containsExactly("Mastodon needs text or a medium in a post.");
    }

    @Test
    void theProviderSaysTheSameAndCommentsCountLikePosts() {
        var provider = MastodonStub.offline();
        assertThat(provider.contentRules().length("@bob@other.social")).isEqualTo(4);
        assertThat(provider.commentMaxLength()).isEqualTo(500);
        assertThat(provider.contentProblems("a".repeat(480), LINK, List.of())).hasSize(1);
        assertThat(provider.takesThreads()).isTrue();
        assertThat(provider.takesComments()).isTrue();
        assertThat(provider.fillsLinkCards())
                .as("Mastodon reads the page itself")
                .isFalse();
    }

    @Test
    void readsAStatussIdFromItsAddressOnAnyServer() {
        var provider = MastodonStub.offline();
        assertThat(provider.postIdAt(URI.create("https://mastodon.social/@Gargron/103254962155278888")))
                .hasValue("103254962155278888");
        assertThat(provider.postIdAt(URI.create("https://social.example/users/ada/statuses/1100/")))
                .hasValue("1100");
        assertThat(provider.postIdAt(URI.create("https://mastodon.social/@bob@other.social/1100")))
                .as("a status seen from another server")
                .isEmpty();
        assertThat(provider.postIdAt(URI.create("https://mastodon.social/@Gargron")))
                .isEqualTo(Optional.empty());
        assertThat(provider.postIdAt(URI.create("https://mastodon.social/@Gargron/media")))
                .isEmpty();
        assertThat(provider.postIdAt(URI.create("ftp://mastodon.social/@Gargron/1")))
                .isEmpty();
        assertThat(provider.postAddressForm()).isEqualTo("https://{server}/@{account}/{id}");
    }

    @Test
    void aStatussHtmlReadsAsTextWithItsParagraphsAndLines() {
        assertThat(MastodonContent.textOfHtml("<p>One &lt;two&gt;\n  three<br>four</p>\n<p>  five </p>"))
                .isEqualTo("One <two> three\nfour\n\nfive");
        assertThat(MastodonContent.textOfHtml("<p>Steps:</p><ol><li>mix</li><li>bake</li></ol><pre>a\n  b</pre>"))
                .isEqualTo("Steps:\n\nmix\nbake\n\na\n  b");
        assertThat(MastodonContent.textOfHtml("")).isEmpty();
    }
}
