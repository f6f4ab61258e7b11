package herald.web.api.docs;

import herald.identity.ApiKeyScope;
import herald.web.api.ApiPaths;
import herald.web.api.problems.ProblemType;
import herald.web.api.scopes.ScopeRule;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents the API's conventions on each operation from the same rules the API applies: the scope it needs, the
 * problem responses it can give, the rate limit headers, and {@code Idempotency-Key} on mutations.
 */
class ApiConventionsDocumenter implements OperationCustomizer {

    private static final Set<RequestMethod> MUTATING =
            Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE);

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        RequestMethod method =
                mapping == null || mapping.method().length == 0 ? RequestMethod.GET : mapping.method()[0];
        boolean operator = isOperator(handler);
        boolean mutating = MUTATING.contains(method);
        if (!operator) {
            ApiKeyScope scope = ScopeRule.required(handler, method.name());
            operation.setDescription(join(operation.getDescription(), "**Scope:** " + ScopeRule.describe(scope) + "."));
        }
        if (mutating) {
            operation.addParametersItem(new HeaderParameter()
                    .name("Idempotency-Key")
                    .required(false)
                    .description("Makes a retry safe: the same key with the same request within 24 hours gets the"
                            + " first response again. One key per distinct request.")
                    .schema(new StringSchema().maxLength(255)));
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        problems(mutating, operator).forEach((type, when) -> {
            String code = Integer.toString(type.status().value());
            if (!responses.containsKey(code)) {
                responses.addApiResponse(code, problem(type, when));
            }
        });
        responses.forEach((code, response) -> {
            jsonInsteadOfAnything(response);
            if (!operator && (code.startsWith("2") || code.equals("429"))) {
                rateLimitHeaders(response, code.equals("429"));
            }
        });
        operation.setResponses(responses);
        return operation;
    }

    private static Map<ProblemType, String> problems(boolean mutating, boolean operator) {
        Map<ProblemType, String> problems = new LinkedHashMap<>();
        problems.put(
                ProblemType.INVALID_INPUT, "Invalid input (invalid-input, malformed-json); errors names the fields.");
        problems.put(ProblemType.UNAUTHENTICATED, "No valid bearer token (unauthenticated).");
        problems.put(
                ProblemType.INSUFFICIENT_SCOPE,
                operator
                        ? "An API key instead of the operator token (operator-only)."
                        : "The key lacks the scope (insufficient-scope), or a plan limit is reached (plan-limit).");
        problems.put(
                ProblemType.NOT_FOUND,
                operator
                        ? "The operator API is off (no HERALD_OPERATOR_TOKEN)."
                        : "Not in the key's workspace (not-found).");
        if (mutating) {
            problems.put(
                    ProblemType.CONFLICT,
                    "Conflicts with the current state, or the same Idempotency-Key is still"
                            + " running (conflict, idempotency-in-progress).");
            problems.put(ProblemType.PAYLOAD_TOO_LARGE, "The body is over the size limit (payload-too-large).");
            problems.put(
                    ProblemType.UNSUPPORTED_MEDIA_TYPE, "The body is not application/json (unsupported-media-type).");
            problems.put(ProblemType.IDEMPOTENCY_KEY_REUSED, "The Idempotency-Key was used for another request.");
        }
        if (!operator) {
            problems.put(ProblemType.RATE_LIMITED, "Over the plan's API requests per hour; see Retry-After.");
        }
        problems.put(ProblemType.INTERNAL, "Herald failed; the detail gives an error id to report.");
        return problems;
    }

    private static ApiResponse problem(ProblemType type, String when) {
        Schema<?> schema = new Schema<>().$ref("#/components/schemas/" + OpenApiConfiguration.PROBLEM);
        return new ApiResponse()
                .description(when)
                .content(new Content()
                        .addMediaType(
                                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                new MediaType().schema(schema)));
    }

    /** Success bodies are JSON; springdoc says any type when a mapping declares none. */
    private static void jsonInsteadOfAnything(ApiResponse response) {
        Content content = response.getContent();
        if (content != null && content.containsKey("*/*")) {
            MediaType any = content.remove("*/*");
            content.addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, any);
        }
    }

    private static void rateLimitHeaders(ApiResponse response, boolean limited) {
        response.addHeaderObject(
                "RateLimit-Limit",
                new Header().description("Requests per hour on the plan.").schema(new IntegerSchema()));
        response.addHeaderObject(
                "RateLimit-Remaining",
                new Header().description("Requests left now.").schema(new IntegerSchema()));
        response.addHeaderObject(
                "RateLimit-Reset",
                new Header()
                        .description("Seconds until the allowance is full again.")
                        .schema(new IntegerSchema()));
        if (limited) {
            response.addHeaderObject(
                    "Retry-After",
                    new Header()
                            .description("Seconds until a request is allowed again.")
                            .schema(new IntegerSchema()));
        }
    }

    private static boolean isOperator(HandlerMethod handler) {
        RequestMapping type = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
        return type != null
                && (Arrays.stream(type.value()).anyMatch(path -> path.startsWith(ApiPaths.OPERATOR))
                        || (Arrays.asList(type.value()).contains(ApiPaths.WORKSPACES)
                                && Arrays.stream(type.value()).noneMatch(path -> path.contains("{workspaceId}"))));
    }

    private static String join(String description, String addition) {
        return description == null || description.isBlank() ? addition : description + "\n\n" + addition;
    }
}
