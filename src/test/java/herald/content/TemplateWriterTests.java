package herald.content;

import static org.assertj.core.api.Assertions.assertThat;

import herald.shared.WorkspaceId;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Filling templates: slots, optional parts, words to use and to avoid, recently used templates last. */
class TemplateWriterTests {

    private final TemplateLibrary library = new TemplateLibrary();
    private final RecentCaptions recent = new RecentCaptions();
    private final TemplateWriter writer = new TemplateWriter(library, recent, new Random(7));
    private final WorkspaceId workspace = new WorkspaceId(java.util.UUID.randomUUID());

    private TemplateWriter.Input input(Persona persona, String description, String context) {
        return new TemplateWriter.Input(
                "Truffle pasta",
                description,
                "Luigi's",
                "A trattoria.",
                context,
                persona,
                persona.tone(),
                "product_showcase",
                2);
    }

    @Test
    void fillsEverySlotAndLeavesOutOptionalPartsWithoutValues() {
        var persona = TestPlatforms.persona(Tone.CASUAL, List.of(), List.of());
        for (var template : library.all()) {
            var draft = writer.fill(template, input(persona, "", ""), new HashSet<>());
            assertThat(draft.text()).as(template.id()).doesNotContain("{", "}", "[", "]", "  ", " .", "..");
            assertThat(draft.text()).as(template.id()).contains("Truffle pasta");
        }
    }

    @Test
    void neverUsesAPieceWithAWordToAvoid() {
        var persona = TestPlatforms.persona(Tone.PROMOTIONAL, List.of("homemade"), List.of("offer", "limited"));
        var in = new TemplateWriter.Input(
                "Truffle pasta",
                "Made daily.",
                "Luigi's",
                "",
                "This week",
                persona,
                Tone.PROMOTIONAL,
                "promotional",
                3);
        for (int i = 0; i < 200; i++) {
            for (var template : writer.candidates(workspace, in)) {
                String text = writer.fill(template, in, new HashSet<>()).text().toLowerCase();
                assertThat(text).doesNotContain("offer").doesNotContain("limited");
            }
        }
    }

    @Test
    void prefersTemplatesTheWorkspaceDidNotUseLately() {
        var persona = TestPlatforms.persona(Tone.CASUAL, List.of(), List.of());
        var in = input(persona, "", "");
        var first = writer.candidates(workspace, in).getFirst();
        recent.remember(workspace, first.id(), "some text");

        assertThat(writer.candidates(workspace, in).getLast().id()).isEqualTo(first.id());
    }

    @Test
    void derivesHashtagsFromItemWorkspaceAndPersona() {
        var persona = TestPlatforms.persona(Tone.CASUAL, List.of("homemade"), List.of());
        assertThat(writer.hashtags(input(persona, "", ""))).startsWith("TrufflePasta", "Luigis", "Homemade");
    }

    @Test
    void capitalisesAWordLine() {
        var persona = TestPlatforms.persona(Tone.PROFESSIONAL, List.of("seasonal"), List.of());
        var in = new TemplateWriter.Input(
                "Truffle pasta", "", "Luigi's", "", "", persona, Tone.PROFESSIONAL, "general", 0);
        var template = new TemplateLibrary.Template("t", "{item}.[ {wordline}]");
        String text = writer.fill(template, in, new HashSet<>()).text();
        assertThat(text).startsWith("Truffle pasta. ").containsIgnoringCase("seasonal");
        assertThat(text.charAt("Truffle pasta. ".length())).isUpperCase();
    }
}
