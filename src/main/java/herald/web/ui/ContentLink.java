package herald.web.ui;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** A post's link as an address, when it is one. */
final class ContentLink {

    private ContentLink() {}

    static Optional<URI> of(String link) {
        try {
            return Optional.of(new URI(link.strip()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
