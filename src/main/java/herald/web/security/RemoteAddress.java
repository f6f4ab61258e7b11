package herald.web.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;

/**
 * A client's address as the audit log and sign-in details keep it: an IPv6 address in its short form (RFC 5952:
 * lower case, leading zeros dropped, the longest run of zero groups as {@code ::}), so {@code ::1} is not written
 * {@code 0:0:0:0:0:0:0:1} as the servlet container gives it. Anything else is kept as given.
 */
final class RemoteAddress {

    private RemoteAddress() {}

    static @Nullable String of(@Nullable String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address;
        }
        int zone = address.indexOf('%');
        String literal = zone < 0 ? address : address.substring(0, zone);
        byte[] bytes;
        try {
            // A literal is parsed, never looked up.
            InetAddress parsed = InetAddress.getByName(literal.matches("[0-9A-Fa-f:.]+") ? literal : "invalid:");
            if (!(parsed instanceof Inet6Address)) {
                return parsed.getHostAddress();
            }
            bytes = parsed.getAddress();
        } catch (UnknownHostException e) {
            return address;
        }
        return compact(bytes) + (zone < 0 ? "" : address.substring(zone));
    }

    private static String compact(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1; // a single zero group stays "0" (RFC 5952 4.2.2)
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
