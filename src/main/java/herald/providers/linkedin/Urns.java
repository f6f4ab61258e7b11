package herald.providers.linkedin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * LinkedIn's URNs and the handles Herald gives its connections: a member's handle is their OpenID subject (their
 * person URN's id), a page's is {@code company/} and its vanity name, as in its address {@code linkedin.com/company/...}
 * (or its numeric id when it has no vanity name). A member's id and a vanity name never contain '/', so a handle says
 * which kind of author it names.
 */
final class Urns {

    static final String PERSON = "urn:li:person:";
    static final String ORGANIZATION = "urn:li:organization:";
    static final String COMPANY = "company/";

    private Urns() {}

    static boolean page(String handle) {
        return handle.startsWith(COMPANY);
    }

    /** Rest.li 2.0 encoding of a URN in a path or query: every reserved character, {@code :} included, escaped. */
    static String encode(String urn) {
        return URLEncoder.encode(urn, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
