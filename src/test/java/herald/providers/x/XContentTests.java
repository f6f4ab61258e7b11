package herald.providers.x;

import static org.assertj.core.api.Assertions.assertThat;

import herald.providers.ContentRules;
import herald.providers.PublishRequest;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** X's weighted count and its rules for media, without X: what a person hears while they can still fix the post. */
class XContentTests {

    final ContentRules rules = XContent.rules();

    @Test
    void countsLatinOnceAndCjkAndEmojiTwice() {
        assertThat(rules.length("a".repeat(280))).isEqualTo(280);
        assertThat(rules.length("日本語")).isEqualTo(6);
        assertThat(rules.length("😀")).isEqualTo(2);
        assertThat(rules.length("Hi 👋🏽"))
                .as("an emoji with a skin tone is one emoji")
                .isEqualTo(5);
        assertThat(rules.length("👨‍👩‍👧‍👦")).as("a ZWJ family is one emoji").isEqualTo(2);
        assertThat(rules.length("cafe\u0301")).as("counted after NFC").isEqualTo(4);
        assertThat(rules.maxTextLength()).isEqualTo(280);
        assertThat(rules.length("日".repeat(141)))
                .as("141 CJK characters are more than X takes")
                .isGreaterThan(rules.maxTextLength());
    }

    @Test
    void countsEveryUrlAs23WhateverItsLength() {
        assertThat(rules.length("https://example.com")).isEqualTo(23);
        assertThat(rules.length("https://example.com/" + "a".repeat(200))).isEqualTo(23);
        assertThat(rules.length("see example.org now")).isEqualTo(4 + 23 + 4);
    }

    @Test
    void aLinkIsAddedToTheTextAndCounts23() {
        URI link = URI.create("https://herald.dev/a/very/long/path/" + "x".repeat(100));
        assertThat(XContent.text("Read this", link)).isEqualTo("Read this\n\n" + link);
        assertThat(XContent.text("Read " + link, link)).isEqualTo("Read " + link);
        String text = "a".repeat(260);
        assertThat(XContent.problems(text, null, List.of())).isEmpty();
        assertThat(XContent.problems(text, link, List.of()))
                .singleElement()
                .asString()
                .contains("285 of 280")
                .contains("link counts 23");
    }

    @Test
    void takesUpToFourImagesOrOneVideoOrGifNeverMixed() {
        var image = image("image/jpeg", 1_000);
        var video = new PublishRequest.Media(URI.create("https://h/v"), "video/mp4", "video", 1_000, "");
        var gif = image("image/gif", 1_000);
        assertThat(XContent.problems("ok", null, List.of(image, image, image, image)))
                .isEmpty();
        assertThat(XContent.problems("ok", null, List.of(video))).isEmpty();
        assertThat(XContent.problems("ok", null, List.of(gif))).isEmpty();
        assertThat(XContent.problems("ok", null, List.of(image, image, image, image, image)))
                .singleElement()
                .asString()
                .contains("up to 4 images");
        assertThat(XContent.problems("ok", null, List.of(image, video)))
                .singleElement()
                .asString()
                .contains("not both");
        assertThat(XContent.problems("ok", null, List.of(gif, image)))
                .singleElement()
                .asString()
                .contains("not both");
        assertThat(XContent.problems("ok", null, List.of(video, video)))
                .singleElement()
                .asString()
                .contains("one video or GIF per post");
    }

    @Test
    void knowsTheSizesAndTypesXTakes() {
        assertThat(XContent.problems("ok", null, List.of(image("image/png", 6L * 1024 * 1024))))
                .singleElement()
                .asString()
                .contains("6.0 MB")
                .contains("up to 5 MB");
        assertThat(XContent.problems("ok", null, List.of(image("image/gif", 10L * 1024 * 1024))))
                .as("GIFs may be up to 15 MB")
                .isEmpty();
        assertThat(XContent.problems("ok", null, List.of(image("image/gif", 16L * 1024 * 1024))))
                .singleElement()
                .asString()
                .contains("15 MB");
        assertThat(XContent.problems("ok", null, List.of(image("image/webp", 100))))
                .isEmpty();
        assertThat(XContent.problems("ok", null, List.of(image("image/bmp", 100))))
                .singleElement()
                .asString()
                .contains("JPEG, PNG, GIF or WEBP");
        var webm = new PublishRequest.Media(URI.create("https://h/v"), "video/webm", "video", 100, "");
        assertThat(XContent.problems("ok", null, List.of(webm)))
                .singleElement()
                .asString()
                .contains("MP4 or MOV");
        var huge = new PublishRequest.Media(URI.create("https://h/v"), "video/mp4", "video", 600L * 1024 * 1024, "");
        assertThat(XContent.problems("ok", null, List.of(huge)))
                .singleElement()
                .asString()
                .contains("512 MB");
        assertThat(rules.maxMediaBytes()).isEqualTo(512L * 1024 * 1024);
        assertThat(rules.mediaKinds()).containsExactlyInAnyOrder("image", "video");
    }

    @Test
    void oneCashtagAtMostAndNeverAnEmptyPost() {
        assertThat(XContent.problems("Buy $AAPL", null, List.of())).isEmpty();
        assertThat(XContent.problems("Buy $AAPL and $MSFT", null, List.of()))
                .singleElement()
                .asString()
                .contains("one cashtag");
        assertThat(XContent.problems(" ", null, List.of()))
                .singleElement()
                .asString()
                .contains("text or a medium");
        assertThat(XContent.problems("", null, List.of(image("image/png", 10)))).isEmpty();
    }

    @Test
    void aByteOrderMarkOrANonCharacterIsRefusedWhereverItStands() {
        assertThat(XContent.problems("Pasted from a file\n\uFEFFSecond line", null, List.of()))
                .singleElement()
                .asString()
                .contains("U+FEFF")
                .contains("the text");
        assertThat(XContent.problems("Odd \uFFFF", null, List.of())).hasSize(1);
        assertThat(XContent.problems("Right-to-left \u202Bعربي\u202C and zero\u200Bwidth", null, List.of()))
                .as("twitter-text takes direction marks and zero-width spaces")
                .isEmpty();
        assertThat(XContent.commentProblems("#credits\n\uFEFF"))
                .singleElement()
                .asString()
                .contains("the first comment");
    }

    @Test
    void aFingerprintSurvivesWhatXDoesToTheText() {
        String sent = XContent.text("Fish & chips <today>", URI.create("https://herald.dev/menu"));
        String kept = "Fish &amp; chips &lt;today&gt;\n\nhttps://t.co/AbC123 https://t.co/media9";
        assertThat(XContent.fingerprint(kept)).isEqualTo(XContent.fingerprint(sent));
        assertThat(XContent.fingerprint("@krusty Fish & chips")).isEqualTo(XContent.fingerprint("Fish & chips"));
        assertThat(XContent.fingerprint("Fish & chips!")).isNotEqualTo(XContent.fingerprint("Fish & chips"));
    }

    static PublishRequest.Media image(String type, long size) {
        return new PublishRequest.Media(URI.create("https://h/" + size), type, "image", size, "");
    }

    @Test
    void aFirstCommentIsAReplyAndCarriesOneCashtagAtMostButAnyHashtagsAndMentions() {
        assertThat(XContent.commentProblems("$AAPL is up")).isEmpty();
        assertThat(XContent.commentProblems("$AAPL and $MSFT are up"))
                .singleElement()
                .asString()
                .contains("one cashtag")
                .contains("reply");
        assertThat(XContent.commentProblems("#a #b #c #d #e #f #g #h #i #j #k #l @mario @luigi @peach @toad"))
                .as("X documents no cap on hashtags or mentions")
                .isEmpty();
    }
}
