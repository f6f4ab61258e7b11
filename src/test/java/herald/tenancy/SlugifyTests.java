package herald.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlugifyTests {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Krusty Pizza               | krusty-pizza",
                "Hults Café                 | hults-cafe",
                "Smith & Sons, Ltd.         | smith-sons-ltd",
                "---Already-Slugged---      | already-slugged",
                "ÅÄÖ åäö                    | aao-aao",
                "2024 Campaign              | 2024-campaign",
                "日本語                      | workspace",
                "!!!                        | workspace",
            })
    void makesLowercaseAsciiWordsJoinedByHyphens(String name, String slug) {
        assertThat(WorkspaceFields.slugify(name)).isEqualTo(slug);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "A very long workspace name that goes on and on and on | a-very-long-workspace-name-that-goes-on",
                "abcdefghij abcdefghij abcdefghij abcdefghi-jklmnop     | abcdefghij-abcdefghij-abcdefghij-abcdefg",
            })
    void keepsAtMostFortyCharactersWithoutATrailingHyphen(String name, String slug) {
        assertThat(WorkspaceFields.slugify(name))
                .isEqualTo(slug)
                .hasSizeLessThanOrEqualTo(40)
                .doesNotEndWith("-");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"Krusty Pizza", "Hults Café", "a  b", "日本語 Tokyo"})
    void alwaysMatchesTheDatabasesSlugRule(String name) {
        assertThat(WorkspaceFields.slugify(name)).matches("^[a-z0-9]+(-[a-z0-9]+)*$");
    }
}
