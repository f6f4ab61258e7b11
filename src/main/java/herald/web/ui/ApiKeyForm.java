package herald.web.ui;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The new-key form: a name, the scopes ticked, and an optional last day of validity ({@code yyyy-MM-dd}). */
public record ApiKeyForm(@Nullable String name, @Nullable List<String> scopes, @Nullable String expires) {

    public ApiKeyForm {
        name = name == null ? "" : name.strip();
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        expires = expires == null ? "" : expires.strip();
    }

    static ApiKeyForm blank() {
        return new ApiKeyForm("", List.of("read"), "");
    }

    public boolean has(String scope) {
        return scopes.contains(scope);
    }
}
