package herald.web.ui;

import herald.publishing.PostRejected;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refused post's messages, filed under the account they concern (its connection id) or, for the post as a whole,
 * under {@code post}, so each shows next to what the person has to change.
 */
public record ComposerErrors(Map<String, List<String>> byTarget) {

    static final String POST = "post";

    static ComposerErrors none() {
        return new ComposerErrors(Map.of());
    }

    static ComposerErrors of(PostRejected rejected) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (var violation : rejected.violations()) {
            String key = violation.connection() == null
                    ? POST
                    : violation.connection().value().toString();
            errors.computeIfAbsent(key, k -> new ArrayList<>()).add(violation.message());
        }
        return new ComposerErrors(errors);
    }

    static ComposerErrors general(String message) {
        return new ComposerErrors(Map.of(POST, List.of(message)));
    }

    public boolean any() {
        return !byTarget.isEmpty();
    }

    public List<String> forPost() {
        return byTarget.getOrDefault(POST, List.of());
    }

    public List<String> forTarget(Object connection) {
        return byTarget.getOrDefault(connection.toString(), List.of());
    }

    public int count() {
        return byTarget.values().stream().mapToInt(List::size).sum();
    }
}
