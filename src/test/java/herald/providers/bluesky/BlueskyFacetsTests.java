package herald.providers.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import herald.providers.bluesky.Facets.Facet;
import herald.providers.bluesky.Facets.Type;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Links, mentions and hashtags found as Bluesky's own client finds them, at UTF-8 byte offsets. Each expectation gives
 * the offsets by hand and checks the bytes they cover.
 */
class BlueskyFacetsTests {

    @Test
    void aLinkAfterAccentsAndAnEmojiIsCountedInUtf8BytesAndLosesItsFullStop() {
        String text = "Café 🎉 déjà vu https://example.com/a?b=1.";
        // "Café " 6 bytes, "🎉" 4, " " 1, "déjà" 6, " vu " 4: the link starts at byte 21 (UTF-16 index 16).
        assertThat(Facets.detect(text)).containsExactly(new Facet(21, 46, Type.LINK, "https://example.com/a?b=1"));
        assertThat(covered(text, Facets.detect(text).getFirst())).isEqualTo("https://example.com/a?b=1");
    }

    @Test
    void findsAMentionAndHashtagsWhereverTheyAre() {
        String text = "Thanks @bob.bsky.social! #Launch2026 🚀 #ça";
        List<Facet> facets = Facets.detect(text);
        assertThat(facets)
                .containsExactly(
                        new Facet(7, 23, Type.MENTION, "bob.bsky.social"),
                        new Facet(25, 36, Type.TAG, "Launch2026"),
                        new Facet(42, 46, Type.TAG, "ça"));
        assertThat(facets)
                .extracting(facet -> covered(text, facet))
                .containsExactly("@bob.bsky.social", "#Launch2026", "#ça");
    }

    @Test
    void bareDomainsAreLinksAsInBlueskysClientAndParenthesesAreLeftOut() {
        String text = "Read example.com, or (https://a.example.org).";
        List<Facet> facets = Facets.detect(text);
        assertThat(facets)
                .containsExactly(
                        new Facet(5, 16, Type.LINK, "https://example.com"),
                        new Facet(22, 43, Type.LINK, "https://a.example.org"));
        assertThat(facets)
                .extracting(facet -> covered(text, facet))
                .containsExactly("example.com", "https://a.example.org");
    }

    @Test
    void leavesAloneWhatIsNotALinkAMentionOrATag() {
        assertThat(Facets.detect("@everyone write to bob@example.com about v1.2, C# and #123 or #!"))
                .isEmpty();
    }

    @Test
    void aHandleOnATestDomainIsAMentionAndATagEndsBeforeItsPunctuation() {
        assertThat(Facets.detect("(@carol.test) #tag."))
                .containsExactly(new Facet(1, 12, Type.MENTION, "carol.test"), new Facet(14, 18, Type.TAG, "tag"));
    }

    @Test
    void aTagLongerThanSixtyFourCharactersIsNoTag() {
        assertThat(Facets.detect("#" + "a".repeat(64))).hasSize(1);
        assertThat(Facets.detect("#" + "a".repeat(65))).isEmpty();
    }

    @Test
    void linksOnSeveralLinesAreAllFound() {
        String text = "One https://one.example\nhttps://two.example/x";
        assertThat(Facets.detect(text))
                .extracting(Facet::value)
                .containsExactly("https://one.example", "https://two.example/x");
    }

    private static String covered(String text, Facet facet) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new String(Arrays.copyOfRange(bytes, facet.byteStart(), facet.byteEnd()), StandardCharsets.UTF_8);
    }
}
