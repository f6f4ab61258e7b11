package herald.web.ui;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where a person may be sent back to after signing in or up ({@code ?continue=}): only a path on this site. Anything
 * that a browser could read as another host ({@code //evil}, {@code /\evil}, a scheme) is refused, so the parameter
 * cannot be turned into an open redirect.
 */
public final class SafeRedirect {

    public static final String PARAMETER = "continue";

    private SafeRedirect() {}

    public static Optional<String> of(@Nullable String target) {
        if (target == null || target.isBlank() || target.length() > 2000) {
            return Optional.empty();
        }
        if (!target.startsWith("/") || target.startsWith("//") || target.indexOf('\\') >= 0) {
            return Optional.empty();
        }
        if (target.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(target);
            if (uri.getScheme() != null || uri.getRawAuthority() != null) {
                return Optional.empty();
            }
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        return Optional.of(target);
    }
}
