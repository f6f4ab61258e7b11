package herald.providers;

import java.net.URI;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a post may carry on a platform, as a {@link SocialProvider} says it: the rules {@link ContentRules} can say, the
 * ones it cannot ({@link #contentProblems}), and a first comment's. Checked when a post is accepted, so none of these
 * calls the platform or takes a token; the ones with an account id answer for that account where the platform's
 * limits differ per account (a Mastodon server's own).
 */
public interface ProviderContent {

    /** What one post may carry on this platform. */
    default ContentRules contentRules() {
        return new ContentRules(280, 4, Set.of("image"), 5_000_000, true);
    }

    /**
     * What one post may carry on the account {@code accountId} ({@link DiscoveredAccount#externalId()}): {@link
     * #contentRules()} unless the platform's limits differ per account, as a Mastodon server sets its own. Reads no
     * platform (what a server said is kept when it is read), so it may be called inside a transaction.
     */
    default ContentRules contentRules(String accountId) {
        return contentRules();
    }

    /**
     * The platform's rules that {@link #contentRules()} cannot say (mixing images and video, a carousel's size,
     * hashtags, a medium's format or dimensions), each as a sentence a person can act on; empty when the post is fine.
     * Called when a post is accepted, never with a token.
     */
    default List<String> contentProblems(String text, @Nullable URI link, List<PublishRequest.Media> media) {
        return List.of();
    }

    /**
     * {@link #contentProblems(String, URI, List)} on the account {@code accountId}, for a platform whose limits differ
     * per account ({@link #contentRules(String)}). Called when a post is accepted, never with a token.
     */
    default List<String> contentProblems(
            String accountId, String text, @Nullable URI link, List<PublishRequest.Media> media) {
        return contentProblems(text, link, media);
    }

    /**
     * Whether the platform takes images as JPEG only (Instagram): publishers then hand it a JPEG copy of any other
     * image, made by Herald, instead of the original.
     */
    default boolean jpegImagesOnly() {
        return false;
    }

    /**
     * The longest comment the platform takes, counted as the platform counts a post's text
     * ({@link ContentRules#length}: X weighs it with twitter-text).
     */
    default int commentMaxLength() {
        return contentRules().maxTextLength();
    }

    /** The longest comment the account {@code accountId} may write: {@link #commentMaxLength()} unless it differs. */
    default int commentMaxLength(String accountId) {
        return commentMaxLength();
    }

    /**
     * The platform's rules for a comment's text that its length cannot say (X's cashtag), each as a sentence a person
     * can act on; empty when the comment is fine. Only rules the platform documents for comments, or that hold for a
     * comment because it is a post there (an X reply): a caption's rule is not a comment's. Called when a post is
     * accepted, never with a token.
     */
    default List<String> commentProblems(String text) {
        return List.of();
    }
}
