package herald.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ShortLinksTests {

    static final String PREFIX = "https://herald.example/l/";
    static final TargetId TARGET = new TargetId(UUID.fromString("8d0f6a3c-52a1-4b8e-9a57-0d6c0f3f1b22"));

    @Test
    void aCodeIsTenBase62CharactersAndAPureFunctionOfTargetPartLinkAndSalt() {
        String code = ShortLinks.code(TARGET, ShortLinks.Part.TEXT, "https://a.example/x", 0);

        assertThat(code).matches("[0-9A-Za-z]{10}");
        assertThat(ShortLinks.code(TARGET, ShortLinks.Part.TEXT, "https://a.example/x", 0))
                .isEqualTo(code);
        assertThat(List.of(
                        ShortLinks.code(TARGET, ShortLinks.Part.TEXT, "https://a.example/y", 0),
                        ShortLinks.code(TARGET, ShortLinks.Part.LINK, "https://a.example/x", 0),
                        ShortLinks.code(TARGET, ShortLinks.Part.TEXT, "https://a.example/x", 1),
                        ShortLinks.code(TargetId.random(), ShortLinks.Part.TEXT, "https://a.example/x", 0)))
                .doesNotContain(code)
                .doesNotHaveDuplicates();
    }

    @Test
    void codesSpreadOverTheWholeAlphabet() {
        var seen = new java.util.HashSet<Character>();
        for (int i = 0; i < 500; i++) {
            for (char c : ShortLinks.code(TARGET, ShortLinks.Part.TEXT, "https://a.example/" + i, 0)
                    .toCharArray()) {
                seen.add(c);
            }
        }
        assertThat(seen).hasSize(62);
    }

    @Test
    void onlyWebLinksAreReplacedAndTheRestOfTheTextStaysAsWritten() {
        List<String> asked = new ArrayList<>();
        String text = "Menu https://krusty.example.com/menu?a=1#top, krusty.example.com, and ftp://x.example/f"
                + " plus " + PREFIX + "AAAAAAAAAA and http://old.example.org/";

        String shortened = ShortLinks.replace(text, PREFIX, url -> {
            asked.add(url);
            return PREFIX + "c" + asked.size();
        });

        assertThat(asked).containsExactly("https://krusty.example.com/menu?a=1#top", "http://old.example.org/");
        assertThat(shortened)
                .isEqualTo("Menu " + PREFIX + "c1, krusty.example.com, and ftp://x.example/f plus " + PREFIX
                        + "AAAAAAAAAA and " + PREFIX + "c2");
    }

    @Test
    void aPlanStandsEachLinkInForAShortLinkOfTheSameLengthExceptOnInstagram() {
        var plan = new ShortLinks.Plan(PREFIX);
        String text = "See https://krusty.example.com/a/very/long/path/to/the/spring/menu?lang=en now";

        String checked = plan.text(text, "linkedin");

        assertThat(checked).isEqualTo("See " + PREFIX + "0000000000 now");
        assertThat(plan.text(text, "instagram")).isEqualTo(text);
        assertThat(plan.link("https://a.example/", "x")).isEqualTo(PREFIX + "0000000000");
        assertThat(plan.link("https://a.example/", "instagram")).isEqualTo("https://a.example/");
        assertThat(plan.link(null, "x")).isNull();
        assertThat(plan.link(PREFIX + "AAAAAAAAAA", "x")).isEqualTo(PREFIX + "AAAAAAAAAA");
        String huge = "https://a.example/" + "p".repeat(ShortLinks.MAX_URL);
        assertThat(plan.link(huge, "facebook"))
                .as("longer than a short link's row holds")
                .isEqualTo(huge);
    }
}
