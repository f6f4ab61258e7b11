package herald.web.api.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Marks the parts of a response that are shown once (a new key's token, an invitation link) so that the copy kept
 * for idempotent replays holds null there instead: a secret is never stored in the clear. A replay therefore says
 * that the thing was created, but not its secret.
 */
public final class OneTimeSecrets {

    private static final String ATTRIBUTE = OneTimeSecrets.class.getName();

    private OneTimeSecrets() {}

    /** Marks fields of this request's JSON response, as JSON pointers like {@code /apiKey/token}. */
    public static void mark(HttpServletRequest request, String... pointers) {
        List<String> marked = of(request);
        marked.addAll(List.of(pointers));
        request.setAttribute(ATTRIBUTE, marked);
    }

    @SuppressWarnings("unchecked")
    static List<String> of(HttpServletRequest request) {
        Object marked = request.getAttribute(ATTRIBUTE);
        return marked == null ? new ArrayList<>() : (List<String>) marked;
    }
}
