package herald.providers.linkedin;

import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * LinkedIn's URNs as Herald stores them. A connection's handle is the author URN without its {@code urn:li:} prefix
 * ({@code person:782bbtaQ}, {@code organization:2414183}): a publish receives only the handle, and a member's token may
 * administer several pages, so the handle itself must say who the author is.
 */
final class Urns {

    static final String PERSON = "urn:li:person:";
    static final String ORGANIZATION = "urn:li:organization:";
    private static final String PREFIX = "urn:li:";

    private Urns() {}

    static String handle(String urn) {
        return urn.substring(PREFIX.length());
    }

    /** The author URN of a connection's handle; a handle that names no member or page is a connection to redo. */
    static String author(String handle) {
        String urn = handle.startsWith(PREFIX) ? handle : PREFIX + handle;
        boolean known = urn.startsWith(PERSON) && urn.length() > PERSON.length()
                || urn.startsWith(ORGANIZATION) && urn.length() > ORGANIZATION.length();
        if (!known) {
            throw new ProviderException(
                    LinkedInProvider.ID,
                    Kind.PERMISSION,
                    "The LinkedIn connection @" + handle + " names no member or page; reconnect it.");
        }
        return urn;
    }

    /** Rest.li 2.0 encoding of a URN in a path or query: every reserved character, {@code :} included, escaped. */
    static String encode(String urn) {
        return URLEncoder.encode(urn, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
