package herald.content;

import herald.shared.WorkspaceId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Template mode: fills a template of the library with the item, the workspace and the persona, with phrasing pieces
 * (opener, call to action, emoji, a line with one of the persona's words) chosen at random, never a piece with a word
 * to avoid, and the templates the workspace used least recently first.
 */
@Component
class TemplateWriter {

    private static final Pattern OPTIONAL = Pattern.compile("\\[([^]]*)]");
    private static final String NO_ITEM = "our specials";

    private final TemplateLibrary library;
    private final RecentCaptions recent;
    private final RandomGenerator random;

    @Autowired
    TemplateWriter(TemplateLibrary library, RecentCaptions recent) {
        this(library, recent, new Random());
    }

    TemplateWriter(TemplateLibrary library, RecentCaptions recent, RandomGenerator random) {
        this.library = library;
        this.recent = recent;
        this.random = random;
    }

    /** What the slots are filled with. */
    record Input(
            String item,
            String description,
            String workspace,
            String about,
            String context,
            Persona persona,
            Tone tone,
            String postType,
            int maxEmoji) {}

    /** A caption before fitting, with the template it came from. */
    record Draft(String template, String text) {}

    /** The templates of the request's cell without words to avoid, least recently used first, ties at random. */
    List<TemplateLibrary.Template> candidates(WorkspaceId workspace, Input input) {
        List<TemplateLibrary.Template> cell = new ArrayList<>(library.cell(input.postType(), input.tone()).stream()
                .filter(t -> clean(t.text(), input.persona()))
                .toList());
        if (cell.isEmpty()) {
            cell.addAll(library.cell(input.postType(), input.tone()));
        }
        Collections.shuffle(cell, random instanceof Random r ? r : new Random(random.nextLong()));
        cell.sort(Comparator.comparingInt(t -> recent.recency(workspace, t.id())));
        return cell;
    }

    /** Fills {@code template}; {@code taken} holds the pieces sibling variants used, which this one avoids. */
    Draft fill(TemplateLibrary.Template template, Input input, Set<String> taken) {
        String text = template.text();
        Matcher optional = OPTIONAL.matcher(text);
        StringBuilder out = new StringBuilder();
        while (optional.find()) {
            String part = optional.group(1);
            String filled = slots(part, input, taken, true);
            optional.appendReplacement(out, Matcher.quoteReplacement(filled));
        }
        optional.appendTail(out);
        String filled = slots(out.toString(), input, taken, false);
        return new Draft(template.id(), capitalise(Emoji.tidy(filled)));
    }

    /** Hashtags for the request, most telling first: the item's, the workspace's, the persona's, then the type's. */
    List<String> hashtags(Input input) {
        Set<String> tags = new LinkedHashSet<>();
        if (!input.item().equals(NO_ITEM)) {
            tags.add(Hashtags.of(input.item()));
        }
        tags.add(Hashtags.of(input.workspace()));
        if (!input.persona().wordsToUse().isEmpty()) {
            tags.add(Hashtags.of(pick(input.persona().wordsToUse())));
        }
        List<String> typed = new ArrayList<>(library.hashtags(input.postType()));
        Collections.shuffle(typed, new Random(random.nextLong()));
        tags.addAll(typed);
        List<String> general = new ArrayList<>(library.hashtags("general"));
        Collections.shuffle(general, new Random(random.nextLong()));
        tags.addAll(general);
        tags.remove("");
        return List.copyOf(tags);
    }

    static String item(String itemName) {
        return itemName.isBlank() ? NO_ITEM : itemName.strip();
    }

    private String slots(String text, Input input, Set<String> taken, boolean optional) {
        Matcher slot = TemplateLibrary.SLOT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (slot.find()) {
            String value = value(slot.group(1), input, taken);
            if (value.isBlank() && optional) {
                return "";
            }
            slot.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        slot.appendTail(out);
        return out.toString();
    }

    private String value(String slot, Input input, Set<String> taken) {
        return switch (slot) {
            case "item" -> input.item();
            case "description" -> sentence(input.description());
            case "summary" -> sentence(firstSentence(input.description()));
            case "workspace" -> input.workspace();
            case "about" -> sentence(firstSentence(input.about()));
            case "context" -> input.context().strip().replaceAll("[.!?\\s]+$", "");
            case "opener" -> piece(library.openers(input.tone()), input.persona(), taken);
            case "cta" -> piece(library.ctas(input.tone()), input.persona(), taken);
            case "emoji" -> input.maxEmoji() == 0 ? "" : piece(library.emoji(input.tone()), input.persona(), taken);
            case "wordline" -> wordLine(input, taken);
            default -> throw new IllegalStateException("Unknown slot " + slot);
        };
    }

    private String wordLine(Input input, Set<String> taken) {
        List<String> words = input.persona().wordsToUse();
        if (words.isEmpty()) {
            return "";
        }
        String line = piece(library.wordLines(input.tone()), input.persona(), taken);
        String word = pick(words);
        return capitalise(line.replace("{word}", word));
    }

    /** A piece no sibling used and without words to avoid; any clean one when all were used. */
    private String piece(List<String> pieces, Persona persona, Set<String> taken) {
        List<String> clean = pieces.stream().filter(p -> clean(p, persona)).toList();
        if (clean.isEmpty()) {
            return "";
        }
        List<String> fresh = clean.stream().filter(p -> !taken.contains(p)).toList();
        String chosen = pick(fresh.isEmpty() ? clean : fresh);
        taken.add(chosen);
        return chosen;
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static boolean clean(String text, Persona persona) {
        return persona.wordsToAvoid().stream()
                .noneMatch(word -> CaptionFitter.avoided(word).matcher(text).find());
    }

    static String firstSentence(String text) {
        String t = text.strip();
        Matcher end = Pattern.compile("[.!?](\\s|$)").matcher(t);
        return end.find() ? t.substring(0, end.start() + 1) : t;
    }

    private static String sentence(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.matches("(?s).*[.!?…)\"”]$")) {
            return t;
        }
        return t + ".";
    }

    static String capitalise(String text) {
        if (text.isEmpty()) {
            return text;
        }
        int first = text.codePointAt(0);
        return new StringBuilder()
                .appendCodePoint(Character.toUpperCase(first))
                .append(text.substring(Character.charCount(first)))
                .toString();
    }
}
