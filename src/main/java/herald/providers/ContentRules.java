package herald.providers;

import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * What a platform accepts in one post, checked by Herald before a post is accepted so the person hears about it while
 * they can still fix it. Rules that do not fit here (X's mixed media, Instagram's hashtags or carousels) are a
 * provider's {@link SocialProvider#contentProblems}.
 *
 * @param maxTextLength the longest text, in the platform's own way of counting ({@link #length})
 * @param maxMedia how many media one post may carry
 * @param mediaKinds the kinds of media it takes: {@code image}, {@code video}
 * @param maxMediaBytes the largest medium it takes
 * @param linkAllowed whether a post may carry a link
 * @param counter how the platform counts text (Unicode code points unless it says otherwise, as X does)
 */
public record ContentRules(
        int maxTextLength,
        int maxMedia,
        Set<String> mediaKinds,
        long maxMediaBytes,
        boolean linkAllowed,
        ToIntFunction<String> counter) {

    /** Counts Unicode code points. */
    public static final ToIntFunction<String> CODE_POINTS = text -> text.codePointCount(0, text.length());

    public ContentRules(
            int maxTextLength, int maxMedia, Set<String> mediaKinds, long maxMediaBytes, boolean linkAllowed) {
        this(maxTextLength, maxMedia, mediaKinds, maxMediaBytes, linkAllowed, CODE_POINTS);
    }

    /** How the platform counts {@code text}. */
    public int length(String text) {
        return counter.applyAsInt(text);
    }
}
