package herald.publishing;

import com.twitter.twittertext.Extractor;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Appends UTM parameters to the links of one target's content (docs/link-tagging.md), as a pure function: the same
 * content, values and context always give the same text, so an attempt that must be reconciled looks for exactly what
 * the earlier attempt sent.
 *
 * <p>Only links written with {@code http://} or {@code https://} are tagged: twitter-text also finds bare domains
 * ({@code herald.example}), but those read as names in a sentence, and giving them a scheme and a query string would
 * change what the reader sees. A link that already carries any {@code utm_} parameter is left exactly as written; any
 * other query is kept, and a fragment stays at the end.
 */
public final class LinkTagging {

    /** The placeholders a value may contain. */
    public static final List<String> PLACEHOLDERS = List.of("{platform}", "{account}", "{date}", "{post}");

    /**
     * What the placeholders stand for on one target.
     *
     * @param platform the provider id: {@code x}, {@code facebook}, {@code instagram}, {@code linkedin}, {@code sandbox}
     * @param account the account's handle on the platform
     * @param date the day the post is published on, in the workspace's time zone
     * @param post the post; {@code {post}} is the first 8 characters of its id
     */
    public record Context(String platform, String account, LocalDate date, PostId post) {}

    /**
     * A post's tagging before it meets its targets: the values, the post, and the day it is published on (while it is
     * only being checked, any day will do: a date is always ten characters long).
     */
    public record Plan(UtmValues values, PostId post, LocalDate date) {

        /** The content tagged for one target. */
        public Tagged apply(String text, @Nullable String link, String platform, String account) {
            return tag(text, link, values, new Context(platform, account, date, post));
        }
    }

    /** A target's text and link once tagged. */
    public record Tagged(String text, @Nullable String link) {}

    private LinkTagging() {}

    /** {@code text} and {@code link} with {@code values} rendered for {@code context} appended to every web link. */
    public static Tagged tag(String text, @Nullable String link, UtmValues values, Context context) {
        Map<String, String> parameters = parameters(values, context);
        return new Tagged(text(text, parameters), link == null ? null : url(link, parameters));
    }

    /** The parameters in their usual order, placeholders replaced; a value that renders empty is left out. */
    static Map<String, String> parameters(UtmValues values, Context context) {
        Map<String, String> parameters = new LinkedHashMap<>();
        put(parameters, "utm_source", values.source(), context);
        put(parameters, "utm_medium", values.medium(), context);
        put(parameters, "utm_campaign", values.campaign(), context);
        put(parameters, "utm_content", values.content(), context);
        put(parameters, "utm_term", values.term(), context);
        return parameters;
    }

    private static void put(Map<String, String> parameters, String name, String value, Context context) {
        String rendered = value.replace("{platform}", context.platform())
                .replace("{account}", context.account())
                .replace("{date}", context.date().toString())
                .replace("{post}", context.post().value().toString().substring(0, 8))
                .strip();
        if (!rendered.isEmpty()) {
            parameters.put(name, rendered);
        }
    }

    /** Every http(s) link twitter-text finds in {@code text}, tagged; the rest of the text as it was. */
    static String text(String text, Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return text;
        }
        Extractor extractor = new Extractor();
        extractor.setExtractURLWithoutProtocol(false);
        List<Extractor.Entity> links = extractor.extractURLsWithIndices(text);
        StringBuilder tagged = new StringBuilder(text);
        // From the last link back, so the indices of the earlier ones still hold.
        for (int i = links.size() - 1; i >= 0; i--) {
            Extractor.Entity link = links.get(i);
            if (web(link.getValue())) {
                tagged.replace(link.getStart(), link.getEnd(), url(link.getValue(), parameters));
            }
        }
        return tagged.toString();
    }

    /** {@code url} with the parameters added to its query, or as it is when it has a utm_ parameter already. */
    static String url(String url, Map<String, String> parameters) {
        if (parameters.isEmpty() || !web(url)) {
            return url;
        }
        int hash = url.indexOf('#');
        String fragment = hash < 0 ? "" : url.substring(hash);
        String rest = hash < 0 ? url : url.substring(0, hash);
        int question = rest.indexOf('?');
        String query = question < 0 ? "" : rest.substring(question + 1);
        for (String pair : query.split("&")) {
            if (pair.toLowerCase(Locale.ROOT).startsWith("utm_")) {
                return url;
            }
        }
        StringBuilder tagged = new StringBuilder(rest);
        if (question < 0) {
            tagged.append('?');
        } else if (!query.isEmpty() && !query.endsWith("&")) {
            tagged.append('&');
        }
        String separator = "";
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            tagged.append(separator).append(parameter.getKey()).append('=').append(encode(parameter.getValue()));
            separator = "&";
        }
        return tagged.append(fragment).toString();
    }

    private static boolean web(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /**
     * Percent-encodes everything but RFC 3986's unreserved characters, as UTF-8: a space is {@code %20}, never the
     * {@code +} of HTML forms, which some analytics tools keep as a plus.
     */
    static String encode(String value) {
        var out = new ByteArrayOutputStream();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                out.write(c);
            } else {
                byte[] escaped = String.format(Locale.ROOT, "%%%02X", c).getBytes(StandardCharsets.US_ASCII);
                out.write(escaped, 0, escaped.length);
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
