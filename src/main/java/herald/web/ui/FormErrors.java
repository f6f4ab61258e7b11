package herald.web.ui;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Messages for a form, keyed by field; {@code ""} holds a message about the form as a whole. Templates show each next
 * to its field.
 */
final class FormErrors {

    static final String FORM = "";

    private final Map<String, String> messages = new LinkedHashMap<>();

    /** Keeps the first message for a field: it is the one the person should fix first. */
    FormErrors add(String field, String message) {
        messages.putIfAbsent(field, message);
        return this;
    }

    FormErrors requireText(String field, String value, String message) {
        if (value.isBlank()) {
            add(field, message);
        }
        return this;
    }

    boolean any() {
        return !messages.isEmpty();
    }

    Map<String, String> asMap() {
        return messages;
    }
}
