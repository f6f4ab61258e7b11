package herald.providers.mastodon;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a person may name their Mastodon server, and the one name Herald keeps for it: the server's authority, {@code
 * host} or {@code host:port}, in lower case and with an internationalised name in its ASCII (punycode) form. A person
 * may type the server ({@code mastodon.social}), paste an address on it ({@code https://mastodon.social/@alice}) or
 * give their handle ({@code @alice@mastodon.social}, {@code alice@mastodon.social}). Reads the name only: whether it is
 * a server Herald may call is {@link MastodonServers}'s to check.
 */
final class ServerNames {

    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    private ServerNames() {}

    /** The server's authority, or empty when {@code named} names no host. */
    static Optional<String> authority(String named) {
        String name = named.strip();
        name = SCHEME.matcher(name).replaceFirst("");
        name = cut(name, '/', '?', '#');
        if (name.startsWith("@") && name.indexOf('@', 1) < 0) {
            return Optional.empty(); // a handle without its server
        }
        name = name.substring(name.lastIndexOf('@') + 1);
        if (name.isEmpty() || name.startsWith("[")) {
            return Optional.empty(); // an IPv6 literal is no server a person names
        }
        String host = name;
        String port = null;
        int colon = name.lastIndexOf(':');
        if (colon >= 0) {
            host = name.substring(0, colon);
            port = name.substring(colon + 1);
            if (!PORT.matcher(port).matches() || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65_535) {
                return Optional.empty();
            }
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (ascii.isEmpty() || ascii.length() > 253) {
            return Optional.empty();
        }
        for (String label : ascii.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        boolean defaultPort = port == null || port.equals("443");
        return Optional.of(defaultPort ? ascii : ascii + ":" + Integer.parseInt(port));
    }

    /** The host of an authority this class answered. */
    static String host(String authority) {
        int colon = authority.indexOf(':');
        return colon < 0 ? authority : authority.substring(0, colon);
    }

    private static String cut(String text, char... at) {
        int end = text.length();
        for (char c : at) {
            int i = text.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return text.substring(0, end);
    }
}
