package herald.identity;

import herald.shared.WorkspaceId;
import java.io.Serializable;
import java.util.Set;

/** The principal of a request that authenticated with an API key: bound to exactly one workspace. */
public record ApiKeyPrincipal(ApiKeyId id, WorkspaceId workspace, String name, String prefix, Set<ApiKeyScope> scopes)
        implements Serializable {

    public boolean allows(ApiKeyScope scope) {
        return scopes.contains(scope) || scopes.contains(ApiKeyScope.ADMIN);
    }

    @Override
    public String toString() {
        return "api key " + prefix;
    }
}
