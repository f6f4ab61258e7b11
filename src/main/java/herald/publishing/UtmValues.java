package herald.publishing;

import herald.shared.InvalidInput;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The UTM values a workspace's tagged links get, each possibly with placeholders ({@link LinkTagging#PLACEHOLDERS})
 * that are filled in per target when it is published. Source and medium are required; campaign, content and term may
 * be empty, and are then left out of the link.
 */
public record UtmValues(String source, String medium, String campaign, String content, String term) {

    /** The platform as source, {@code social} as medium, nothing else. */
    public static final UtmValues DEFAULTS = new UtmValues("{platform}", "social", "", "", "");

    public static final int MAX_LENGTH = 100;

    /** Letters, digits, spaces, {@code - _ . ~ + / |} and placeholders in braces. */
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N} ._~+/|{}-]*");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    public UtmValues {
        source = source == null ? "" : source.strip();
        medium = medium == null ? "" : medium.strip();
        campaign = campaign == null ? "" : campaign.strip();
        content = content == null ? "" : content.strip();
        term = term == null ? "" : term.strip();
    }

    /** The values as a person reads them, e.g. {@code utm_source={platform}&utm_medium=social}; empty ones left out. */
    public String describe() {
        var parts = new java.util.ArrayList<String>();
        String[][] named = {
            {"utm_source", source},
            {"utm_medium", medium},
            {"utm_campaign", campaign},
            {"utm_content", content},
            {"utm_term", term}
        };
        for (String[] pair : named) {
            if (!pair[1].isEmpty()) {
                parts.add(pair[0] + "=" + pair[1]);
            }
        }
        return String.join("&", parts);
    }

    /**
     * These values, when each is fine.
     *
     * @throws InvalidInput naming the first value that is too long, uses a character a link should not carry, or
     *     names an unknown placeholder ({@code utmSource}, {@code utmMedium}, {@code utmCampaign}, {@code utmContent},
     *     {@code utmTerm})
     */
    public UtmValues checked() {
        check("utmSource", "utm_source", source, true);
        check("utmMedium", "utm_medium", medium, true);
        check("utmCampaign", "utm_campaign", campaign, false);
        check("utmContent", "utm_content", content, false);
        check("utmTerm", "utm_term", term, false);
        return this;
    }

    private static void check(String field, String name, String value, boolean required) {
        if (required && value.isEmpty()) {
            throw new InvalidInput(field, name + " is needed: use {platform} to name each platform.");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidInput(
                    field, name + " is " + value.length() + " characters; keep it to " + MAX_LENGTH + ".");
        }
        if (!ALLOWED.matcher(value).matches()) {
            throw new InvalidInput(
                    field,
                    name + " may hold letters, digits, spaces, - _ . ~ + / | and placeholders such as {platform};"
                            + " not characters such as & = ? # %.");
        }
        String rest = value;
        Matcher placeholders = PLACEHOLDER.matcher(value);
        while (placeholders.find()) {
            if (!LinkTagging.PLACEHOLDERS.contains(placeholders.group())) {
                throw new InvalidInput(
                        field,
                        name + " uses the unknown placeholder " + placeholders.group() + "; use "
                                + String.join(", ", LinkTagging.PLACEHOLDERS) + ".");
            }
            rest = rest.replace(placeholders.group(), "");
        }
        if (rest.contains("{") || rest.contains("}")) {
            throw new InvalidInput(field, name + " has a brace without its partner; write placeholders as {platform}.");
        }
    }
}
