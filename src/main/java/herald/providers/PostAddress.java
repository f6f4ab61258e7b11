package herald.providers;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A post's public address, as a person copies it from the platform, read for {@link SocialProvider#postIdAt}: the
 * segments of its path (decoded; empty ones, as a trailing slash makes, left out), once its host is the platform's.
 * The query and the fragment are not read.
 */
public final class PostAddress {

    private PostAddress() {}

    /** The path's segments, when {@code url} is an http(s) address on one of {@code hosts} (lower case); else empty. */
    public static Optional<List<String>> segmentsOn(URI url, Set<String> hosts) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || !hosts.contains(host) || url.getPath() == null) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(url.getPath().split("/"))
                .filter(segment -> !segment.isEmpty())
                .toList());
    }

    /** Whether {@code value} is a platform's numeric id. */
    public static boolean numeric(String value) {
        return value.matches("[0-9]{1,30}");
    }
}
