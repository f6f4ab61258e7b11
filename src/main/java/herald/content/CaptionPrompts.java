package herald.content;

import herald.providers.SocialProvider;
import herald.shared.InvalidInput;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The prompts of AI mode and the reading of the model's answer. The system message carries the persona, the workspace
 * and the platform's rules; the user message the item, the context and how many captions. The answer is asked for as a
 * JSON array of strings and read tolerantly: inside code fences, as objects with a text, or as numbered lines.
 */
final class CaptionPrompts {

    static final String PURPOSE = "caption";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern FENCE = Pattern.compile("(?s)```[a-zA-Z]*\\s*(.*?)```");
    private static final Pattern NUMBERED = Pattern.compile("^\\s*(?:\\d+[.):]|[-*•]|Caption\\s*\\d+:)\\s*");

    /** Everything a prompt is made of. */
    record Brief(
            Persona persona,
            Tone tone,
            String workspace,
            String about,
            SocialProvider platform,
            PlatformNorms norms,
            String postType,
            String item,
            String description,
            String context) {}

    private CaptionPrompts() {}

    static String system(Brief brief) {
        Persona p = brief.persona();
        var rules = brief.platform().contentRules();
        StringBuilder s = new StringBuilder();
        s.append("You write social media captions for ")
                .append(brief.workspace())
                .append('.');
        if (!brief.about().isBlank()) {
            s.append("\nAbout ")
                    .append(brief.workspace())
                    .append(": ")
                    .append(brief.about().strip());
        }
        s.append("\n\nWrite in the voice of the persona \"").append(p.name()).append("\"");
        if (!p.description().isBlank()) {
            s.append(" (").append(p.description().strip()).append(')');
        }
        s.append(".\nTone: ").append(brief.tone().value()).append('.');
        if (!p.guidelines().isBlank()) {
            s.append("\nVoice guidelines: ").append(p.guidelines().strip());
        }
        if (!p.wordsToUse().isEmpty()) {
            s.append("\nWords to use where they fit: ")
                    .append(String.join(", ", p.wordsToUse()))
                    .append('.');
        }
        if (!p.wordsToAvoid().isEmpty()) {
            s.append("\nNever use these words: ")
                    .append(String.join(", ", p.wordsToAvoid()))
                    .append('.');
        }
        s.append("\n\nPlatform: ").append(brief.platform().displayName()).append('.');
        s.append("\nEach caption must be at most ")
                .append(rules.maxTextLength())
                .append(" characters");
        if ("x".equals(brief.platform().id())) {
            s.append(" as X counts them (emoji and links count double, so stay well under)");
        }
        s.append(".\nUse ").append(brief.norms().describe(brief.tone())).append('.');
        s.append("\nPost type: ").append(brief.postType().replace('_', ' ')).append('.');
        s.append("\n\nAnswer with a JSON array of strings, one caption per element, and nothing else.")
                .append(" Every caption must be clearly different from the others in wording and structure.");
        return s.toString();
    }

    static String user(Brief brief, int variants, List<String> avoid) {
        StringBuilder u = new StringBuilder();
        u.append("Write ").append(variants).append(variants == 1 ? " caption" : " different captions");
        u.append(" about: ").append(brief.item().isBlank() ? "what is new at " + brief.workspace() : brief.item());
        if (!brief.description().isBlank()) {
            u.append("\nDescription: ").append(brief.description().strip());
        }
        if (!brief.context().isBlank()) {
            u.append("\nContext: ").append(brief.context().strip());
        }
        if (!avoid.isEmpty()) {
            u.append("\n\nThese texts were posted or written already; do not repeat them, their openings or their"
                    + " structure, and say it in a new way:");
            for (String text : avoid) {
                u.append("\n- ").append(text.replace('\n', ' '));
            }
        }
        return u.toString();
    }

    /** @throws InvalidInput when the prompt is longer than the model may be sent */
    static void capped(String system, String user, int maxChars) {
        int length = system.length() + user.length();
        if (length > maxChars) {
            throw new InvalidInput(
                    "itemDescription",
                    "The request makes a prompt of " + length + " characters, more than the " + maxChars
                            + " a model may be sent: shorten the description, the context or the persona's guidelines.");
        }
    }

    /** The captions in a model's answer; empty when none can be read from it. */
    static List<String> captions(String answer) {
        String text = answer.strip();
        Matcher fence = FENCE.matcher(text);
        if (fence.find()) {
            text = fence.group(1).strip();
        }
        List<String> fromJson = json(text);
        if (fromJson != null) {
            return fromJson;
        }
        int open = text.indexOf('[');
        int close = text.lastIndexOf(']');
        if (open >= 0 && close > open) {
            fromJson = json(text.substring(open, close + 1));
            if (fromJson != null) {
                return fromJson;
            }
        }
        return lines(text);
    }

    private static @Nullable List<String> json(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node.isObject()) {
                for (String field : List.of("captions", "variants", "items")) {
                    if (node.has(field) && node.get(field).isArray()) {
                        node = node.get(field);
                        break;
                    }
                }
            }
            if (!node.isArray()) {
                return null;
            }
            List<String> captions = new ArrayList<>();
            for (JsonNode element : node) {
                String caption =
                        element.isString() ? element.asString() : element.isObject() ? firstText(element) : null;
                if (caption != null && !caption.isBlank()) {
                    captions.add(caption.strip());
                }
            }
            return captions;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static @Nullable String firstText(JsonNode object) {
        for (String field : List.of("text", "caption", "content")) {
            if (object.has(field) && object.get(field).isString()) {
                return object.get(field).asString();
            }
        }
        return null;
    }

    private static List<String> lines(String text) {
        List<String> captions = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || l.endsWith(":") && !NUMBERED.matcher(l).find()) {
                continue;
            }
            Matcher numbered = NUMBERED.matcher(l);
            if (numbered.find()) {
                l = l.substring(numbered.end()).strip();
            } else if (!captions.isEmpty()
                    || text.lines().filter(s -> !s.isBlank()).count() > 1) {
                // Prose around a list ("Here are three captions") is not a caption; a single line answer is.
                if (text.lines().anyMatch(s -> NUMBERED.matcher(s).find())) {
                    continue;
                }
            }
            l = l.replaceAll("^[\"“”']+|[\"“”']+,?$", "").strip();
            if (!l.isEmpty()) {
                captions.add(l);
            }
        }
        return captions;
    }
}
