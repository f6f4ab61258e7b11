package herald.content;

import java.util.Map;

/**
 * What reads well on a platform, beyond what it accepts: how many hashtags (and whether they go at the end) and how
 * many emoji per tone. The length comes from the platform's own {@code ContentRules}; this is the house table
 * (docs/content/captions.md).
 *
 * @param minHashtags fewer looks bare there; template mode adds derived hashtags up to this many
 * @param maxHashtags more looks like spam there; extra ones are dropped from the end
 * @param hashtags how many template mode aims for
 * @param hashtagsAtEnd whether hashtags go in a block at the end rather than in the sentences
 * @param maxEmoji per tone
 */
record PlatformNorms(
        int minHashtags, int maxHashtags, int hashtags, boolean hashtagsAtEnd, Map<Tone, Integer> maxEmoji) {

    private static final Map<Tone, Integer> SPARING =
            Map.of(Tone.PROFESSIONAL, 0, Tone.EDUCATIONAL, 1, Tone.PROMOTIONAL, 2, Tone.CASUAL, 2, Tone.HUMOROUS, 2);
    private static final Map<Tone, Integer> LIVELY =
            Map.of(Tone.PROFESSIONAL, 1, Tone.EDUCATIONAL, 2, Tone.PROMOTIONAL, 3, Tone.CASUAL, 3, Tone.HUMOROUS, 3);
    private static final Map<Tone, Integer> VISUAL =
            Map.of(Tone.PROFESSIONAL, 1, Tone.EDUCATIONAL, 2, Tone.PROMOTIONAL, 4, Tone.CASUAL, 4, Tone.HUMOROUS, 4);

    static final Map<String, PlatformNorms> TABLE = Map.of(
            "instagram", new PlatformNorms(3, 10, 5, true, VISUAL),
            "x", new PlatformNorms(0, 2, 2, false, SPARING),
            "bluesky", new PlatformNorms(0, 2, 1, false, LIVELY),
            // Mastodon has no algorithm: hashtags are how posts are found, so a few go at the end.
            "mastodon", new PlatformNorms(1, 5, 3, true, SPARING),
            "linkedin", new PlatformNorms(3, 5, 3, true, SPARING),
            "facebook", new PlatformNorms(0, 3, 2, true, LIVELY),
            "sandbox", new PlatformNorms(0, 3, 2, true, LIVELY));

    /** The norms of {@code platform}; a platform without its own row is treated like Facebook. */
    static PlatformNorms of(String platform) {
        return TABLE.getOrDefault(platform, TABLE.get("facebook"));
    }

    int maxEmoji(Tone tone) {
        return maxEmoji.get(tone);
    }

    /** How the prompt states the norms. */
    String describe(Tone tone) {
        String tags = minHashtags == maxHashtags
                ? maxHashtags + " hashtags"
                : (minHashtags == 0 ? "at most " + maxHashtags : minHashtags + " to " + maxHashtags) + " hashtags";
        int emoji = maxEmoji(tone);
        return tags + (hashtagsAtEnd && maxHashtags > 0 ? ", placed together at the end" : "") + "; "
                + (emoji == 0 ? "no emoji" : "at most " + emoji + " emoji");
    }
}
