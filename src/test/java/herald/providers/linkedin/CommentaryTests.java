package herald.providers.linkedin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommentaryTests {

    @Test
    void escapesEveryReservedCharacterAndNothingElse() {
        assertThat(Commentary.escape("\\|{}@[]()<>#*_~")).isEqualTo("\\\\\\|\\{\\}\\@\\[\\]\\(\\)\\<\\>\\#\\*\\_\\~");
        assertThat(Commentary.escape("Plain text, émoji 🎉 & 100% \"quotes\" / slashes: fine."))
                .isEqualTo("Plain text, émoji 🎉 & 100% \"quotes\" / slashes: fine.");
    }

    @Test
    void unescapingGivesBackWhatWasWritten() {
        String text = "a\\b (c) @d #e *f* _g_ ~h~ [i] {j} <k> |l| \\";
        assertThat(Commentary.unescape(Commentary.escape(text))).isEqualTo(text);
        assertThat(Commentary.unescape("no escapes \\n here")).isEqualTo("no escapes \\n here");
    }
}
