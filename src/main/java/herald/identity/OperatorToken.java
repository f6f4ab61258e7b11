package herald.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The operator's bearer token ({@code HERALD_OPERATOR_TOKEN}) for the provisioning API. Unset means the operator API
 * is off: no token matches.
 */
@Component
public class OperatorToken {

    private final byte @Nullable [] token;

    OperatorToken(@Value("${herald.operator-token:}") String token) {
        this.token = token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    public boolean enabled() {
        return token != null;
    }

    public boolean matches(String presented) {
        return token != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }
}
