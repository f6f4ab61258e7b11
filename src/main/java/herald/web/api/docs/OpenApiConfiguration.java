package herald.web.api.docs;

import herald.web.CurrentWorkspace;
import herald.web.api.problems.FieldProblem;
import herald.web.api.problems.ProblemType;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs} (and Swagger UI at {@code /docs}): the bearer schemes, the problem
 * document schema, and on every operation the scope it needs, its problem responses and, for mutations, the
 * {@code Idempotency-Key} header (see {@link ApiConventionsDocumenter}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String API_KEY = "apiKey";
    static final String OPERATOR_TOKEN = "operatorToken";
    static final String PROBLEM = "Problem";

    static {
        // Resolved from the request path by the API, not a parameter the client sends.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentWorkspace.class);
    }

    @Bean
    OpenAPI heraldApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Herald API")
                        .version("v1")
                        .description(
                                """
                                Publish to social networks as a workspace. Every resource lives under \
                                `/api/v1/workspaces/{workspaceId}` and is reached with an API key of that workspace \
                                (`Authorization: Bearer hk_...`); anything outside the key's workspace answers 404.

                                **Errors** are RFC 9457 problem documents (`application/problem+json`) with a stable \
                                `type` (`%s<slug>`), a human `detail` and, for invalid input, `errors`: a list of \
                                `{field, message}`.

                                **Listings** take `?limit=` (1 to 200, default 50) and `?cursor=`, and answer \
                                `{"items": [...], "nextCursor": ...}`; `nextCursor` is null on the last page.

                                **Retries**: send `Idempotency-Key` (any unique string, like a UUID) with a POST, \
                                PATCH or DELETE. A retry with the same key and request within 24 hours gets the first \
                                response again, with `Idempotency-Replayed: true` (one-time secrets such as a new \
                                key's token are null in a replay); the same key with another request is refused with \
                                422; a retry while the first is still running waits for it, or gets 409.

                                **Rate limit**: each workspace may make its plan's API requests per hour. Responses \
                                carry `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` (seconds until \
                                the allowance is full); over the limit, 429 with `Retry-After`.

                                **Scopes**: a GET needs any scope; changing content needs `write`; members, \
                                invitations, API keys, workspace settings and the audit log need `admin`. A key \
                                without the scope gets 403 `insufficient-scope` naming it.
                                """
                                        .formatted(ProblemType.BASE)))
                .components(new Components()
                        .addSecuritySchemes(
                                API_KEY,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("A workspace API key, hk_..., created in the UI or the API."))
                        .addSecuritySchemes(
                                OPERATOR_TOKEN,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("The operator token, HERALD_OPERATOR_TOKEN."))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY));
    }

    @Bean
    OperationCustomizer apiConventions() {
        return new ApiConventionsDocumenter();
    }

    @Bean
    OpenApiCustomizer workspacePathParameter() {
        return new WorkspacePathParameter();
    }

    @SuppressWarnings("rawtypes")
    private static Schema<?> problemSchema() {
        Schema<?> fieldProblem = new ObjectSchema()
                .addProperty("field", new StringSchema().description("JSON path, query parameter or header"))
                .addProperty("message", new StringSchema());
        fieldProblem.setDescription(FieldProblem.class.getSimpleName());
        Schema type = new StringSchema().format("uri").example(ProblemType.BASE + "invalid-input");
        return new ObjectSchema()
                .description("An RFC 9457 problem document.")
                .addProperty("type", type.description("Stable identifier of the kind of error."))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema().description("What went wrong, for a person."))
                .addProperty("instance", new StringSchema().description("The request path."))
                .addProperty(
                        "errors",
                        new ArraySchema().items(fieldProblem).description("For invalid input: each field at fault."))
                .addRequiredItem("type")
                .addRequiredItem("title")
                .addRequiredItem("status");
    }
}
