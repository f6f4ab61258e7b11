package herald.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The token endpoint (RFC 6749 section 3.2) and the revocation endpoint (RFC 7009), with HTTP Basic client auth. */
@RestController
@RequestMapping("/sandbox/oauth")
class TokenController {

    private final Clients clients;
    private final AuthorizationCodes codes;
    private final Tokens tokens;
    private final Accounts accounts;
    private final Counters counters;
    private final Faults faults;

    TokenController(
            Clients clients,
            AuthorizationCodes codes,
            Tokens tokens,
            Accounts accounts,
            Counters counters,
            Faults faults) {
        this.clients = clients;
        this.codes = codes;
        this.tokens = tokens;
        this.accounts = accounts;
        this.counters = counters;
        this.faults = faults;
    }

    @PostMapping("/token")
    ResponseEntity<Map<String, Object>> token(HttpServletRequest request) {
        var client = clients.authenticate(request.getHeader("Authorization"));
        if (client.isEmpty()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header("WWW-Authenticate", "Basic realm=\"sandbox\"")
                    .body(Map.of("error", "invalid_client"));
        }
        String grantType = request.getParameter("grant_type");
        if ("authorization_code".equals(grantType)) {
            counters.increment(Counters.GRANT + grantType);
            return authorizationCode(client.get(), request);
        }
        if ("refresh_token".equals(grantType)) {
            counters.increment(Counters.GRANT + grantType);
            return refresh(client.get(), request);
        }
        if (grantType == null || grantType.isBlank()) {
            return error("invalid_request", "grant_type is missing.");
        }
        return error("unsupported_grant_type", "Use authorization_code or refresh_token.");
    }

    @PostMapping("/revoke")
    ResponseEntity<Map<String, Object>> revoke(HttpServletRequest request) {
        var client = clients.authenticate(request.getHeader("Authorization"));
        if (client.isEmpty()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header("WWW-Authenticate", "Basic realm=\"sandbox\"")
                    .body(Map.of("error", "invalid_client"));
        }
        String token = request.getParameter("token");
        if (token != null && !token.isBlank()) {
            tokens.revoke(client.get().id(), token.strip());
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of());
    }

    private ResponseEntity<Map<String, Object>> authorizationCode(Clients.Client client, HttpServletRequest request) {
        String code = request.getParameter("code");
        String redirectUri = request.getParameter("redirect_uri");
        String verifier = request.getParameter("code_verifier");
        if (blank(code) || blank(redirectUri) || blank(verifier)) {
            return error("invalid_request", "code, redirect_uri and code_verifier are required.");
        }
        return switch (codes.redeem(client.id(), code, redirectUri, verifier, tokens)) {
            case AuthorizationCodes.Exchange.Refused refused -> error("invalid_grant", refused.description());
            case AuthorizationCodes.Exchange.Granted granted -> {
                IssuedTokens issued = tokens.issue(client.id(), Grant.Kind.USER, granted.accountIds(), granted.scope());
                codes.exchangedFor(granted.codeHash(), issued.familyId());
                yield ok(issued);
            }
        };
    }

    private ResponseEntity<Map<String, Object>> refresh(Clients.Client client, HttpServletRequest request) {
        String refreshToken = request.getParameter("refresh_token");
        if (blank(refreshToken)) {
            return error("invalid_request", "refresh_token is required.");
        }
        Tokens.Refresh outcome =
                tokens.refresh(client.id(), refreshToken, faults.current().refuseRefresh());
        accounts.byIds(outcome.accountIds())
                .forEach(account -> counters.increment(Counters.REFRESH + account.handle()));
        return switch (outcome) {
            case Tokens.Refresh.Refused refused -> error("invalid_grant", refused.description());
            case Tokens.Refresh.Rotated rotated -> ok(rotated.tokens());
        };
    }

    private static ResponseEntity<Map<String, Object>> ok(IssuedTokens issued) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issued.accessToken());
        body.put("token_type", "bearer");
        body.put("expires_in", issued.expiresIn());
        body.put("refresh_token", issued.refreshToken());
        body.put("scope", issued.scope());
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header("Pragma", "no-cache")
                .body(body);
    }

    private static ResponseEntity<Map<String, Object>> error(String code, String description) {
        return ResponseEntity.badRequest()
                .cacheControl(CacheControl.noStore())
                .body(Map.of("error", code, "error_description", description));
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
