package herald.providers.linkedin;

/**
 * LinkedIn's "little text format": a post's commentary treats {@code \ | { } @ [ ] ( ) < > # * _ ~} as markup
 * (mentions, hashtags), so each is escaped with a backslash for the text to appear exactly as written.
 */
final class Commentary {

    static final String RESERVED = "\\|{}@[]()<>#*_~";

    private Commentary() {}

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (RESERVED.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The text a reader sees for an escaped commentary (what {@link #escape} made of it). */
    static String unescape(String commentary) {
        StringBuilder out = new StringBuilder(commentary.length());
        for (int i = 0; i < commentary.length(); i++) {
            char c = commentary.charAt(i);
            if (c == '\\' && i + 1 < commentary.length() && RESERVED.indexOf(commentary.charAt(i + 1)) >= 0) {
                out.append(commentary.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
