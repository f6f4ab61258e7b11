package herald.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The template library as shipped: loads, every slot is known, every cell has several templates. */
class CaptionTemplatesTests {

    private final TemplateLibrary library = new TemplateLibrary();

    @Test
    void everySlotOfEveryTemplateIsKnown() {
        assertThat(library.all()).hasSizeGreaterThan(60);
        for (var template : library.all()) {
            var slots = TemplateLibrary.SLOT
                    .matcher(template.text())
                    .results()
                    .map(m -> m.group(1))
                    .toList();
            assertThat(TemplateLibrary.SLOTS).as(template.id()).containsAll(slots);
            assertThat(slots).as(template.id()).contains("item");
        }
    }

    @Test
    void everyPostTypeAndToneHasSeveralTemplates() {
        for (String type : TemplateLibrary.POST_TYPES) {
            for (Tone tone : Tone.values()) {
                assertThat(library.cell(type, tone)).as(type + " × " + tone).hasSizeGreaterThanOrEqualTo(4);
            }
        }
    }

    @Test
    void everyToneHasItsPhrasingPieces() {
        for (Tone tone : Tone.values()) {
            assertThat(library.openers(tone)).hasSizeGreaterThanOrEqualTo(4);
            assertThat(library.ctas(tone)).hasSizeGreaterThanOrEqualTo(4);
            assertThat(library.emoji(tone)).isNotEmpty();
            assertThat(library.wordLines(tone)).allMatch(line -> line.contains("{word}"));
        }
    }

    @Test
    void refusesALibraryWithAnUnknownSlot() {
        Map<String, Object> yaml = new LinkedHashMap<>(TemplateLibrary.load(TemplateLibrary.RESOURCE));
        @SuppressWarnings("unchecked")
        var templates = new LinkedHashMap<>((Map<String, Object>) yaml.get("templates"));
        templates.put("general", Map.of("any", List.of("{opener} {item} with {price}")));
        yaml.put("templates", templates);

        assertThatThrownBy(() -> new TemplateLibrary(yaml))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("{price}");
    }

    @Test
    void refusesUnbalancedOptionalParts() {
        assertThatThrownBy(() -> TemplateLibrary.check("{item}[ {context}", "t"))
                .hasMessageContaining("brackets");
    }
}
