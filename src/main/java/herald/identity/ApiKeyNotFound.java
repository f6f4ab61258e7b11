package herald.identity;

import herald.shared.NotFound;

/** No such key in this workspace. */
public class ApiKeyNotFound extends NotFound {

    public ApiKeyNotFound() {
        super("No API key with this id in this workspace.");
    }
}
