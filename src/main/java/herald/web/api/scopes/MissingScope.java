package herald.web.api.scopes;

import herald.identity.ApiKeyScope;

/** The calling key lacks the scope an endpoint needs. Answered as 403 naming the scope. */
public class MissingScope extends RuntimeException {

    private final ApiKeyScope required;

    public MissingScope(ApiKeyScope required) {
        super("This API key does not have " + ScopeRule.describe(required) + ", which this request needs.");
        this.required = required;
    }

    public ApiKeyScope required() {
        return required;
    }
}
