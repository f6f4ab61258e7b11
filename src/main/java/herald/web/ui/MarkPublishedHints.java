package herald.web.ui;

import herald.providers.Providers;
import herald.providers.SocialProvider;
import herald.publishing.CommentStatus;
import herald.publishing.Post;
import herald.publishing.Target;
import herald.publishing.TargetId;
import herald.publishing.TargetStatus;
import java.util.HashMap;
import java.util.Map;

/**
 * What marking a target published does to its first comment, said under the post page's Mark as published form: Herald
 * writes it when the address tells the post's id on the platform ({@link SocialProvider#postIdAt}), else the person
 * adds it by hand.
 */
final class MarkPublishedHints {

    private MarkPublishedHints() {}

    /** For each target whose outcome is unknown and whose first comment waits for it, the sentence to show. */
    static Map<TargetId, String> of(Post post, Providers providers) {
        Map<TargetId, String> hints = new HashMap<>();
        for (Target target : post.targets()) {
            if (target.status() == TargetStatus.UNKNOWN
                    && target.comment() != null
                    && target.comment().status() == CommentStatus.WAITING) {
                providers.find(target.provider()).ifPresent(p -> hints.put(target.id(), hint(p)));
            }
        }
        return hints;
    }

    static String hint(SocialProvider platform) {
        String name = platform.displayName();
        String form = platform.postAddressForm();
        if (form == null) {
            return "Herald cannot tell which post this is from its address on " + name
                    + ", so it will not write the first comment: add it on " + name + " yourself once you have marked"
                    + " the post.";
        }
        return "Herald writes the first comment once you mark the post, if its address reads like " + form
                + ". From any other address it cannot: then add the comment on " + name + " yourself.";
    }
}
