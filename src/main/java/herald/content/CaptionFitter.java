package herald.content;

import herald.providers.ContentRules;
import herald.providers.SocialProvider;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Makes a caption fit a platform, in either mode: words to avoid removed, hashtags and emoji brought within the
 * platform's norms for the tone, and the length within the platform's limit by its own counting (X's weighted count).
 * Shortening drops hashtags, then emoji, then whole trailing sentences; it never cuts a word, and a caption that still
 * does not fit keeps a warning saying so.
 */
final class CaptionFitter {

    /** A fitted caption and what a person should know about it. */
    record Fitted(String text, List<String> warnings) {}

    private final SocialProvider provider;
    private final PlatformNorms norms;
    private final Tone tone;
    private final List<String> wordsToAvoid;

    CaptionFitter(SocialProvider provider, Tone tone, List<String> wordsToAvoid) {
        this.provider = provider;
        this.norms = PlatformNorms.of(provider.id());
        this.tone = tone;
        this.wordsToAvoid = List.copyOf(wordsToAvoid);
    }

    PlatformNorms norms() {
        return norms;
    }

    /** @param extraHashtags hashtags to add (in order, those not there yet) when the text has fewer than the norm */
    Fitted fit(String raw, List<String> extraHashtags) {
        List<String> warnings = new ArrayList<>();
        String text = Emoji.tidy(raw);
        for (String word : wordsToAvoid) {
            String without = Emoji.tidy(avoided(word).matcher(text).replaceAll(""));
            if (!without.equals(text)) {
                warnings.add("Removed the word to avoid '" + word + "'; read the sentence again.");
                text = without;
            }
        }
        text = hashtags(text, extraHashtags);
        text = Emoji.keep(text, norms.maxEmoji(tone));
        text = shorten(text);
        ContentRules rules = provider.contentRules();
        int length = rules.length(text);
        if (length > rules.maxTextLength()) {
            warnings.add("Too long for " + provider.displayName() + ": " + length + " of " + rules.maxTextLength()
                    + " characters; shorten it before posting.");
        }
        if (text.isBlank()) {
            warnings.add("Nothing is left of this caption; write it yourself.");
        }
        for (String problem : provider.contentProblems(text, null, List.of())) {
            warnings.add(problem);
        }
        return new Fitted(text, List.copyOf(warnings));
    }

    static Pattern avoided(String word) {
        return Pattern.compile(
                "#?(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** Whether the text has none of the words to avoid, also as a part of a hashtag ({@code #SpecialOffer}). */
    boolean avoids(String text) {
        String spaced = text.replaceAll("(?<=\\p{Ll})(?=\\p{Lu})", " ");
        return wordsToAvoid.stream()
                .noneMatch(word -> avoided(word).matcher(text).find()
                        || avoided(word).matcher(spaced).find());
    }

    private String hashtags(String text, List<String> extra) {
        String body = Hashtags.body(text);
        List<String> block = new ArrayList<>(
                Hashtags.block(text).stream().filter(this::avoids).toList());
        Set<String> present = new LinkedHashSet<>();
        Hashtags.in(text).forEach(tag -> present.add(tag.toLowerCase(Locale.ROOT)));
        for (String tag : extra) {
            if (present.size() >= norms.minHashtags()) {
                break;
            }
            if (!tag.isEmpty() && avoids(tag) && present.add(tag.toLowerCase(Locale.ROOT))) {
                block.add(tag);
            }
        }
        while (Hashtags.count(body) + block.size() > norms.maxHashtags() && !block.isEmpty()) {
            block.removeLast();
        }
        while (Hashtags.count(body) > norms.maxHashtags()) {
            body = Hashtags.unTagLast(body);
        }
        return Hashtags.join(body, block);
    }

    private String shorten(String text) {
        ContentRules rules = provider.contentRules();
        String body = Hashtags.body(text);
        List<String> block = new ArrayList<>(Hashtags.block(text));
        String current = text;
        while (rules.length(current) > rules.maxTextLength() && !block.isEmpty()) {
            block.removeLast();
            current = Hashtags.join(body, block);
        }
        while (rules.length(current) > rules.maxTextLength() && Emoji.count(body) > 0) {
            body = Emoji.removeLast(body);
            current = Hashtags.join(body, block);
        }
        while (rules.length(current) > rules.maxTextLength()) {
            String[] sentences = body.split("(?<=[.!?…])\\s+");
            if (sentences.length < 2) {
                break;
            }
            body = String.join(" ", java.util.Arrays.copyOf(sentences, sentences.length - 1));
            current = Hashtags.join(body, block);
        }
        return current;
    }
}
