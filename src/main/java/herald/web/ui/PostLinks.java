package herald.web.ui;

import herald.shared.InvalidInput;
import java.net.URI;

/** The platform link a person gives when they mark a post as published by hand. */
final class PostLinks {

    private PostLinks() {}

    static URI read(String text) {
        try {
            URI uri = URI.create(text.strip());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the message below
        }
        throw new InvalidInput("url", "Paste the post's address on the platform, starting with https://.");
    }
}
