package herald.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The parameters of {@code /sandbox/oauth/authorize}, and the checks that come before any consent. */
public record AuthorizationRequest(
        @Nullable String responseType,
        @Nullable String clientId,
        @Nullable String redirectUri,
        String scope,
        @Nullable String state,
        @Nullable String codeChallenge,
        @Nullable String codeChallengeMethod) {

    static final String DEFAULT_SCOPE = "read write";

    static AuthorizationRequest of(HttpServletRequest request) {
        String scope = request.getParameter("scope");
        return new AuthorizationRequest(
                request.getParameter("response_type"),
                request.getParameter("client_id"),
                request.getParameter("redirect_uri"),
                scope == null || scope.isBlank() ? DEFAULT_SCOPE : scope.strip(),
                request.getParameter("state"),
                request.getParameter("code_challenge"),
                request.getParameter("code_challenge_method"));
    }

    public List<String> scopes() {
        return Arrays.stream(scope.split("\\s+")).filter(s -> !s.isBlank()).toList();
    }

    /**
     * What is wrong with the request once the client and redirect URI are trusted, as an OAuth error code for the
     * redirect: PKCE with S256 is required.
     */
    Optional<String> redirectableError() {
        if (!"code".equals(responseType)) {
            return Optional.of("unsupported_response_type");
        }
        if (codeChallenge == null || codeChallenge.isBlank() || !"S256".equals(codeChallengeMethod)) {
            return Optional.of("invalid_request");
        }
        if (!codeChallenge.matches("^[A-Za-z0-9_-]{43,128}$")) {
            return Optional.of("invalid_request");
        }
        return Optional.empty();
    }

    /** {@code redirect_uri} with {@code params} (name, value pairs) and the state added to its query. */
    String redirect(String... params) {
        StringBuilder uri = new StringBuilder(redirectUri);
        char separator = redirectUri.contains("?") ? '&' : '?';
        for (int i = 0; i < params.length; i += 2) {
            uri.append(separator).append(params[i]).append('=').append(encode(params[i + 1]));
            separator = '&';
        }
        if (state != null) {
            uri.append(separator).append("state=").append(encode(state));
        }
        return uri.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
