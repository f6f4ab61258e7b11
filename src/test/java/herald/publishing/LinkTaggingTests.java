package herald.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.shared.InvalidInput;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LinkTaggingTests {

    static final PostId POST = new PostId(UUID.fromString("3f2a9c1e-0000-4000-8000-000000000001"));
    static final LinkTagging.Context SANDBOX =
            new LinkTagging.Context("sandbox", "krusty", LocalDate.of(2026, 12, 3), POST);
    static final String TAGS = "utm_source=sandbox&utm_medium=social";

    static LinkTagging.Tagged tag(String text, String link) {
        return LinkTagging.tag(text, link, UtmValues.DEFAULTS, SANDBOX);
    }

    @Test
    void addsTheParametersAsTheQueryOfALinkWithoutOne() {
        assertThat(tag("Menu: https://krusty.example.com/menu", null).text())
                .isEqualTo("Menu: https://krusty.example.com/menu?" + TAGS);
        assertThat(tag("https://krusty.example.com", null).text()).isEqualTo("https://krusty.example.com?" + TAGS);
        assertThat(tag("", "https://krusty.example.com/menu?").link())
                .isEqualTo("https://krusty.example.com/menu?" + TAGS);
        // In a text, a closing question mark ends the sentence, not the link.
        assertThat(tag("Hungry? https://krusty.example.com/menu?", null).text())
                .isEqualTo("Hungry? https://krusty.example.com/menu?" + TAGS + "?");
    }

    @Test
    void keepsAnExistingQueryAndPutsTheFragmentBackAtTheEnd() {
        assertThat(tag("https://krusty.example.com/menu?lang=en&size=l#pizza", null)
                        .text())
                .isEqualTo("https://krusty.example.com/menu?lang=en&size=l&" + TAGS + "#pizza");
        assertThat(tag("https://krusty.example.com/menu#pizza", null).text())
                .isEqualTo("https://krusty.example.com/menu?" + TAGS + "#pizza");
    }

    @Test
    void leavesALinkWithAnyUtmParameterExactlyAsWritten() {
        String own = "https://krusty.example.com/menu?lang=en&UTM_Campaign=newsletter#top";
        assertThat(tag("Ours: " + own + " and https://krusty.example.com/b", null)
                        .text())
                .isEqualTo("Ours: " + own + " and https://krusty.example.com/b?" + TAGS);
        assertThat(tag("", "https://krusty.example.com/?utm_source=print").link())
                .isEqualTo("https://krusty.example.com/?utm_source=print");
    }

    @Test
    void tagsEveryWebLinkOfTheTextButNotBareDomainsOrPunctuationAround() {
        String text =
                "New menu (https://krusty.example.com/menu). Order at http://order.krusty.example.com/a?b=1, or visit"
                        + " krusty.example.com in person!";
        assertThat(tag(text, null).text())
                .isEqualTo("New menu (https://krusty.example.com/menu?" + TAGS
                        + "). Order at http://order.krusty.example.com/a?b=1&" + TAGS
                        + ", or visit krusty.example.com in person!");
    }

    @Test
    void tagsTheLinkFieldAndLeavesATextWithoutLinksAlone() {
        var tagged = tag("Pizza tonight #krusty", "https://krusty.example.com/tonight");
        assertThat(tagged.text()).isEqualTo("Pizza tonight #krusty");
        assertThat(tagged.link()).isEqualTo("https://krusty.example.com/tonight?" + TAGS);
        assertThat(tag("Pizza", null).link()).isNull();
    }

    @Test
    void fillsInThePlaceholdersForTheTargetAndLeavesEmptyValuesOut() {
        var values = new UtmValues("{platform}", "social", "{account}-{date}", "", "post-{post}");
        var x = new LinkTagging.Context("x", "KrustyHQ", LocalDate.of(2026, 1, 31), POST);

        assertThat(LinkTagging.tag("https://krusty.example.com", null, values, x)
                        .text())
                .isEqualTo("https://krusty.example.com?utm_source=x&utm_medium=social&utm_campaign=KrustyHQ-2026-01-31"
                        + "&utm_term=post-3f2a9c1e");
    }

    @Test
    void percentEncodesValuesAsUtf8WithSpacesAsPercent20() {
        var values = new UtmValues("{platform}", "social", "Spring sale/ü+1", "", "");

        assertThat(LinkTagging.tag("https://krusty.example.com", null, values, SANDBOX)
                        .text())
                .isEqualTo("https://krusty.example.com?utm_source=sandbox&utm_medium=social"
                        + "&utm_campaign=Spring%20sale%2F%C3%BC%2B1");
    }

    @Test
    void theSameContentAlwaysTagsTheSameWay() {
        String text = "https://a.example.com/1 https://b.example.com/2?x=1";
        assertThat(tag(text, null).text()).isEqualTo(tag(text, null).text());
    }

    @Test
    void acceptsTheDefaultsAndKnownPlaceholders() {
        assertThat(UtmValues.DEFAULTS.checked()).isEqualTo(UtmValues.DEFAULTS);
        var values = new UtmValues(" {platform} ", "social", "spring_{date}|{account}", "v1.2~a", "{post}");
        assertThat(values.checked().source()).isEqualTo("{platform}");
        assertThat(values.describe())
                .isEqualTo("utm_source={platform}&utm_medium=social&utm_campaign=spring_{date}|{account}"
                        + "&utm_content=v1.2~a&utm_term={post}");
    }

    @Test
    void refusesUnknownPlaceholdersNamingTheValueAndTheKnownOnes() {
        assertThatThrownBy(() -> new UtmValues("{platform}", "social", "{campaign}", "", "").checked())
                .isInstanceOf(InvalidInput.class)
                .hasMessage("utm_campaign uses the unknown placeholder {campaign}; use {platform}, {account}, {date},"
                        + " {post}.")
                .extracting(e -> ((InvalidInput) e).field())
                .isEqualTo("utmCampaign");
        assertThatThrownBy(() -> new UtmValues("{platform", "social", "", "", "").checked())
                .hasMessageContaining("brace without its partner");
    }

    @Test
    void refusesMissingTooLongAndUnsafeValues() {
        assertThatThrownBy(() -> new UtmValues("", "social", "", "", "").checked())
                .extracting(e -> ((InvalidInput) e).field())
                .isEqualTo("utmSource");
        assertThatThrownBy(() -> new UtmValues("x", "social", "a".repeat(101), "", "").checked())
                .hasMessage("utm_campaign is 101 characters; keep it to 100.");
        assertThatThrownBy(() -> new UtmValues("x", "social&utm_x=1", "", "", "").checked())
                .extracting(e -> ((InvalidInput) e).field())
                .isEqualTo("utmMedium");
    }
}
