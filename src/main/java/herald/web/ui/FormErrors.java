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
    private boolean conflict;

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

    /** A message that contradicts existing state (a taken email) rather than malformed input. */
    FormErrors conflict(String field, String message) {
        conflict = true;
        return add(field, message);
    }

    /** The status a form re-rendered with these errors answers: 409 for a conflict, else 400. */
    int status() {
        return conflict ? 409 : 400;
    }

    boolean any() {
        return !messages.isEmpty();
    }

    Map<String, String> asMap() {
        return messages;
    }
}
