package herald.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.shared.InvalidInput;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AI mode's prompts and the tolerant reading of the model's answers. */
class CaptionPromptsTests {

    private final Persona persona = new Persona(
            PersonaId.random(),
            "Nonna Rosa",
            "Grandmother of the house",
            Tone.CASUAL,
            "Speak like family.",
            List.of("homemade", "fresh"),
            List.of("cheap"),
            true,
            java.time.Instant.now(),
            java.time.Instant.now());
    private final CaptionPrompts.Brief brief = new CaptionPrompts.Brief(
            persona,
            Tone.HUMOROUS,
            "Luigi's Trattoria",
            "A family trattoria in Naples since 1962.",
            TestPlatforms.x(),
            PlatformNorms.of("x"),
            "weekend_driver",
            "Truffle pasta",
            "Tagliatelle with truffle.",
            "Saturday only");

    @Test
    void theSystemPromptCarriesPersonaWorkspaceAndPlatformRules() {
        String system = CaptionPrompts.system(brief);

        assertThat(system)
                .contains("Luigi's Trattoria", "A family trattoria in Naples since 1962.")
                .contains("Nonna Rosa", "Grandmother of the house", "Tone: humorous", "Speak like family.")
                .contains("Words to use where they fit: homemade, fresh", "Never use these words: cheap")
                .contains("Platform: X", "at most 280 characters", "at most 2 hashtags", "at most 2 emoji")
                .contains("Post type: weekend driver", "JSON array of strings");
    }

    @Test
    void theUserPromptCarriesTheItemContextVariantsAndWhatToAvoid() {
        String user = CaptionPrompts.user(brief, 3, List.of("Truffle pasta is back!"));

        assertThat(user)
                .contains("Write 3 different captions about: Truffle pasta")
                .contains("Description: Tagliatelle with truffle.", "Context: Saturday only")
                .contains("do not repeat them", "- Truffle pasta is back!");
    }

    @Test
    void aStuffedPromptIsRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> CaptionPrompts.capped("s".repeat(5000), "u".repeat(4000), 8000))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("9000 characters, more than the 8000");
    }

    @Test
    void readsAJsonArray() {
        assertThat(CaptionPrompts.captions("[\"One\", \"Two\"]")).containsExactly("One", "Two");
    }

    @Test
    void readsAJsonArrayInsideCodeFencesWithProseAround() {
        String answer = "Here you go:\n```json\n[\"One 🍝\", \"Two\"]\n```\nEnjoy!";
        assertThat(CaptionPrompts.captions(answer)).containsExactly("One 🍝", "Two");
    }

    @Test
    void readsObjectsWithAText() {
        assertThat(CaptionPrompts.captions("{\"captions\":[{\"text\":\"One\"},{\"caption\":\"Two\"}]}"))
                .containsExactly("One", "Two");
    }

    @Test
    void readsNumberedLinesAndSkipsTheProse() {
        String answer = "Here are three captions:\n1. \"First one\"\n2) Second one\n- Third one\n";
        assertThat(CaptionPrompts.captions(answer)).containsExactly("First one", "Second one", "Third one");
    }

    @Test
    void readsASingleLineAnswerAsOneCaption() {
        assertThat(CaptionPrompts.captions("Truffle pasta, Saturday only. Come hungry!"))
                .containsExactly("Truffle pasta, Saturday only. Come hungry!");
    }

    @Test
    void findsNothingInAnEmptyArray() {
        assertThat(CaptionPrompts.captions("[]")).isEmpty();
    }
}
