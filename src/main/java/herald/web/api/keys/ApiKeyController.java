package herald.web.api.keys;

import herald.identity.ApiKey;
import herald.identity.ApiKeyId;
import herald.identity.ApiKeyNotFound;
import herald.identity.ApiKeyScope;
import herald.identity.ApiKeys;
import herald.web.CurrentWorkspace;
import herald.web.api.ApiPaths;
import herald.web.api.idempotency.OneTimeSecrets;
import herald.web.api.paging.Page;
import herald.web.api.paging.PageRequest;
import herald.web.api.scopes.RequiredScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(ApiPaths.WORKSPACE + "/api-keys")
@RequiredScope(ApiKeyScope.ADMIN)
@Tag(name = "API keys", description = "The workspace's API keys. Tokens are shown once, at creation.")
class ApiKeyController {

    private static final String LISTING = "api-keys";

    private final ApiKeys apiKeys;
    private final Clock clock;

    ApiKeyController(ApiKeys apiKeys, Clock clock) {
        this.apiKeys = apiKeys;
        this.clock = clock;
    }

    @GetMapping
    @Operation(
            operationId = "listApiKeys",
            summary = "List API keys",
            description = "Newest first, revoked and expired ones included.")
    Page<ApiKeyView> list(CurrentWorkspace current, @Valid PageRequest page) {
        var after = page.afterTimeAndId(LISTING, (time, id) -> new ApiKeys.After(time, new ApiKeyId(id)));
        Instant now = clock.instant();
        return page.pageByTimeAndId(
                apiKeys.page(current.id(), after, page.fetchSize()),
                key -> ApiKeyView.of(key, now),
                LISTING,
                ApiKey::createdAt,
                ApiKey::id);
    }

    @PostMapping
    @Operation(
            operationId = "createApiKey",
            summary = "Create an API key",
            description = "Answers 201 with the key and its token, which is shown in this response only.")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<NewApiKey> create(
            CurrentWorkspace current, @Valid @RequestBody CreateApiKey request, HttpServletRequest http) {
        var scopes = EnumSet.noneOf(ApiKeyScope.class);
        request.scopes().forEach(scope -> scopes.add(ApiKeyScope.of(scope)));
        var issued = apiKeys.create(current.id(), request.name(), scopes, request.expiresAt(), null);
        OneTimeSecrets.mark(http, "/token");
        return ResponseEntity.created(
                        URI.create(http.getRequestURI() + "/" + issued.key().id()))
                .body(NewApiKey.of(issued));
    }

    @GetMapping("/{keyId}")
    @Operation(operationId = "getApiKey", summary = "Get an API key")
    ApiKeyView get(CurrentWorkspace current, @PathVariable UUID keyId) {
        return apiKeys.find(current.id(), new ApiKeyId(keyId))
                .map(key -> ApiKeyView.of(key, clock.instant()))
                .orElseThrow(ApiKeyNotFound::new);
    }

    @DeleteMapping("/{keyId}")
    @Operation(
            operationId = "revokeApiKey",
            summary = "Revoke an API key",
            description = "The key stops working at once. Revoking a revoked key changes nothing. Answers the key.")
    ApiKeyView revoke(CurrentWorkspace current, @PathVariable UUID keyId) {
        return ApiKeyView.of(apiKeys.revoke(current.id(), new ApiKeyId(keyId)), clock.instant());
    }
}
