package herald.providers;

import java.util.Set;

/**
 * What a platform accepts in one post, checked by Herald before a post is accepted so the person hears about it while
 * they can still fix it.
 *
 * @param maxTextLength the longest text, in the platform's own way of counting (here: Unicode code points)
 * @param maxMedia how many media one post may carry
 * @param mediaKinds the kinds of media it takes: {@code image}, {@code video}
 * @param maxMediaBytes the largest medium it fetches
 * @param linkAllowed whether a post may carry a link
 */
public record ContentRules(
        int maxTextLength, int maxMedia, Set<String> mediaKinds, long maxMediaBytes, boolean linkAllowed) {

    /** How the platform counts {@code text}. */
    public int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
