package herald.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The JSON shapes of docs/sandbox-api.md, with absolute URLs on the address the caller used. */
final class Views {

    private Views() {}

    static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    static Map<String, Object> account(Account account) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", account.id());
        view.put("handle", account.handle());
        view.put("displayName", account.displayName());
        view.put("avatarUrl", base() + account.avatarPath());
        return view;
    }

    static Map<String, Object> post(Post post) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", post.id());
        view.put("accountHandle", post.accountHandle());
        view.put("text", post.text());
        view.put("link", post.link());
        view.put("mediaUrls", post.mediaUrls());
        view.put("createdAt", post.createdAt().toString());
        view.put("url", base() + post.path());
        view.put("replyTo", post.replyTo());
        view.put("kind", post.kind());
        return view;
    }

    static Map<String, Object> comment(Comment comment) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", comment.id());
        view.put("postId", comment.postId());
        view.put("accountHandle", comment.accountHandle());
        view.put("authorName", comment.authorName());
        view.put("text", comment.text());
        view.put("createdAt", comment.createdAt().toString());
        view.put("url", base() + comment.path());
        view.put("replyTo", comment.replyTo());
        return view;
    }
}
