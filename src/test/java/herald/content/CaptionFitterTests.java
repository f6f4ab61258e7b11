package herald.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.twitter.twittertext.TwitterTextParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Platform fitting: X's weighted length, hashtag and emoji norms, words to avoid; never a word cut in half. */
class CaptionFitterTests {

    @Test
    void shortensForXByDroppingHashtagsEmojiAndWholeSentencesByXsOwnCount() {
        String sentence = "Our slow-cooked ragù simmers for eight hours with San Marzano tomatoes 🍅. ";
        String text = sentence.repeat(6) + "#Ragu #Pasta #Trattoria";
        var fitted = new CaptionFitter(TestPlatforms.x(), Tone.CASUAL, List.of()).fit(text, List.of());

        assertThat(TwitterTextParser.parseTweet(fitted.text()).weightedLength).isLessThanOrEqualTo(280);
        assertThat(Hashtags.count(fitted.text())).isLessThanOrEqualTo(2);
        assertThat(fitted.text()).endsWith(".").doesNotContain("  ");
        assertThat(fitted.warnings()).isEmpty();
    }

    @Test
    void warnsInsteadOfCuttingASentenceThatCannotFit() {
        String text = "word ".repeat(70).strip();
        var fitted = new CaptionFitter(TestPlatforms.x(), Tone.CASUAL, List.of()).fit(text, List.of());

        assertThat(fitted.text()).isEqualTo(text);
        assertThat(fitted.warnings()).anyMatch(w -> w.startsWith("Too long for X: 349 of 280"));
    }

    @Test
    void bringsHashtagsWithinEachPlatformsNorm() {
        String many = "Fresh pasta tonight. #a1 #b2 #c3 #d4 #e5 #f6 #g7 #h8 #i9 #j10 #k11 #l12";
        assertThat(Hashtags.count(fit(TestPlatforms.instagram(), many))).isEqualTo(10);
        assertThat(Hashtags.count(fit(TestPlatforms.x(), many))).isEqualTo(2);
        assertThat(Hashtags.count(fit(TestPlatforms.linkedin(), many))).isEqualTo(5);
        assertThat(Hashtags.count(fit(TestPlatforms.facebook(), many))).isEqualTo(3);
    }

    @Test
    void addsHashtagsUpToTheMinimumOnInstagramAtTheEnd() {
        var fitted = new CaptionFitter(TestPlatforms.instagram(), Tone.CASUAL, List.of())
                .fit("Fresh pasta tonight.", List.of("FreshPasta", "Luigis", "FoodLovers", "LocalEats"));

        assertThat(fitted.text()).isEqualTo("Fresh pasta tonight.\n\n#FreshPasta #Luigis #FoodLovers");
    }

    @Test
    void removesEmojiForProfessionalLinkedInAndKeepsAFewForCasual() {
        String text = "We are proud of our team 🎉🙌 and our guests 😊❤️ 👍";
        assertThat(Emoji.count(new CaptionFitter(TestPlatforms.linkedin(), Tone.PROFESSIONAL, List.of())
                        .fit(text, List.of())
                        .text()))
                .isZero();
        assertThat(Emoji.count(new CaptionFitter(TestPlatforms.instagram(), Tone.CASUAL, List.of())
                        .fit(text, List.of())
                        .text()))
                .isEqualTo(4);
    }

    @Test
    void removesWordsToAvoidWithAWarning() {
        var fitted = new CaptionFitter(TestPlatforms.facebook(), Tone.CASUAL, List.of("cheap", "best ever"))
                .fit("The Best Ever pizza, and cheap too! #cheap", List.of());

        assertThat(fitted.text().toLowerCase()).doesNotContain("cheap").doesNotContain("best ever");
        assertThat(fitted.warnings()).hasSize(2).allMatch(w -> w.startsWith("Removed the word to avoid"));
    }

    @Test
    void countsAJoinedEmojiSequenceAsOne() {
        assertThat(Emoji.count("Family 👨‍👩‍👧 time 👍🏽")).isEqualTo(2);
        assertThat(Emoji.keep("a 🍕 b 🍝 c 🍷", 1)).isEqualTo("a 🍕 b c");
    }

    @Test
    void makesHashtagsFromNames() {
        assertThat(Hashtags.of("Truffle pasta")).isEqualTo("TrufflePasta");
        assertThat(Hashtags.of("Luigi's Trattoria")).isEqualTo("LuigisTrattoria");
        assertThat(Hashtags.of("Crème brûlée")).isEqualTo("CremeBrulee");
        assertThat(Hashtags.of("!!!")).isEmpty();
    }

    private static String fit(herald.providers.SocialProvider platform, String text) {
        return new CaptionFitter(platform, Tone.CASUAL, List.of())
                .fit(text, List.of())
                .text();
    }
}
