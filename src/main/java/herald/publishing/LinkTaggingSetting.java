package herald.publishing;

/**
 * A workspace's link tagging (docs/link-tagging.md).
 *
 * @param enabled whether new posts tag their links unless their author says otherwise (the composer's checkbox, the
 *     API's {@code tagLinks}); off until an owner or admin turns it on
 * @param values the UTM values a tagged post's links get, whatever the default
 */
public record LinkTaggingSetting(boolean enabled, UtmValues values) {

    /** Off, with the default values. */
    public static final LinkTaggingSetting DEFAULT = new LinkTaggingSetting(false, UtmValues.DEFAULTS);
}
