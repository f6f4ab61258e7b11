package herald.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The configured OAuth clients ({@code herald.sandbox.clients.<id>}); redirect URIs match exactly. */
@Component
class Clients {

    /** A client as the authorization server sees it. */
    record Client(String id, String name, String secret, List<String> redirectUris) {

        boolean allows(@Nullable String redirectUri) {
            return redirectUri != null && redirectUris.contains(redirectUri);
        }
    }

    private final SandboxSettings settings;

    Clients(SandboxSettings settings) {
        this.settings = settings;
    }

    Optional<Client> byId(@Nullable String id) {
        if (id == null) {
            return Optional.empty();
        }
        var client = settings.clients().get(id);
        if (client == null) {
            return Optional.empty();
        }
        return Optional.of(new Client(
                id,
                client.name().isBlank() ? id : client.name(),
                client.secret(),
                client.redirectUris() == null
                        ? List.of()
                        : client.redirectUris().stream().map(String::strip).toList()));
    }

    /** The client named by an {@code Authorization: Basic} header whose secret matches, if any. */
    Optional<Client> authenticate(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String id = decoded.substring(0, colon);
        String secret = decoded.substring(colon + 1);
        return byId(id).filter(
                        client -> !client.secret().isEmpty() && Secrets.equalInConstantTime(client.secret(), secret));
    }
}
