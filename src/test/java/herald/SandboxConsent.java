package herald;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Sandbox's consent form as a person submits it: the authorize URL's own parameters plus the account chosen and
 * {@code decision=approve}, to be POSTed to {@code /sandbox/oauth/authorize} without a browser.
 */
public final class SandboxConsent {

    private SandboxConsent() {}

    /** The form body approving {@code account} for the authorization request {@code authorize}. */
    public static String approving(URI authorize, String account) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : authorize.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            form.putIfAbsent(
                    URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        form.put("account", account);
        form.put("decision", "approve");
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
