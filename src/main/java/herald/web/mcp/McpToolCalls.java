package herald.web.mcp;

import herald.agents.AgentPrincipal;
import herald.agents.AgentRefused;
import herald.agents.MissingCapability;
import herald.content.AiFailure;
import herald.inbox.ReplyRefused;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.shared.LimitReached;
import herald.shared.NotFound;
import herald.shared.NotPermitted;
import herald.web.api.agent.Results;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How an MCP tool call runs, for every tool of {@link McpTools}: the agent from the transport context, the arguments
 * converted strictly (an unknown or mistyped argument is refused with what the schema expects), and the answer as
 * structured content plus its JSON text. A refusal the agent can fix becomes a result with {@code isError} and the
 * reason; anything else is logged with an error id the agent can report, and the result says only that id.
 */
final class McpToolCalls {

    private static final Logger log = LoggerFactory.getLogger(McpToolCalls.class);
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final JsonMapper json;
    private final JsonMapper strict;
    private final JacksonMcpJsonMapper mcpJson;

    McpToolCalls(JsonMapper json) {
        this.json = json;
        this.strict = json.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
        this.mcpJson = new JacksonMcpJsonMapper(json);
    }

    /** What a tool does to the world, for the hints a client reads before calling it (MCP's tool annotations). */
    enum Effect {
        READ,
        WRITE,
        /** Takes something back: a client may ask its user first. */
        DESTRUCTIVE
    }

    SyncToolSpecification tool(
            String name,
            String title,
            String description,
            String inputSchema,
            Effect effect,
            BiFunction<AgentPrincipal, Map<String, Object>, Object> work) {
        boolean readOnly = effect == Effect.READ;
        var tool = McpSchema.Tool.builder()
                .name(name)
                .title(title)
                .description(description)
                .inputSchema(mcpJson, inputSchema)
                .annotations(new McpSchema.ToolAnnotations(
                        title, readOnly, effect == Effect.DESTRUCTIVE, readOnly, true, null))
                .build();
        return new SyncToolSpecification(tool, (context, request) -> call(context, request, work));
    }

    private CallToolResult call(
            McpTransportContext context,
            McpSchema.CallToolRequest request,
            BiFunction<AgentPrincipal, Map<String, Object>, Object> work) {
        if (!(context.get(McpConfiguration.AGENT) instanceof AgentPrincipal agent)) {
            return error("Not authenticated: send the agent's key as 'Authorization: Bearer <key>'.", null);
        }
        Map<String, Object> args = request.arguments() == null ? Map.of() : request.arguments();
        try {
            return result(work.apply(agent, args), false);
        } catch (McpPostCreation.Refused e) {
            return error(e.getMessage(), e.results);
        } catch (InvalidInput e) {
            String field = e.field().isBlank() ? "" : " (argument '" + e.field() + "')";
            return error("Invalid input" + field + ": " + e.getMessage(), null);
        } catch (AgentRefused | MissingCapability e) {
            return error(e.getMessage(), null);
        } catch (NotPermitted | NotFound | Conflict | LimitReached | AiFailure e) {
            return error(e.getMessage(), null);
        } catch (ReplyRefused e) {
            return error("The platform did not take the answer (reason: " + e.reason() + "). " + e.getMessage(), null);
        } catch (RuntimeException e) {
            String errorId = UUID.randomUUID().toString();
            log.error("MCP tool {} failed, error id {}", request.name(), errorId, e);
            return error(
                    "Something went wrong on Herald's side. Retry later; if it keeps failing, report error id "
                            + errorId + ".",
                    null);
        }
    }

    <T> T arguments(Map<String, Object> args, Class<T> type) {
        try {
            return strict.convertValue(args, type);
        } catch (IllegalArgumentException | tools.jackson.core.JacksonException e) {
            throw new InvalidInput(
                    "",
                    "The arguments do not match the tool's input schema: " + McpSchemas.explain(e)
                            + " See the tool's inputSchema.");
        }
    }

    private CallToolResult result(Object value, boolean error) {
        Map<String, Object> structured = json.convertValue(value, OBJECT);
        return CallToolResult.builder()
                .structuredContent(structured)
                .addTextContent(json.writeValueAsString(structured))
                .isError(error)
                .build();
    }

    private CallToolResult error(String message, @Nullable Results results) {
        if (results != null) {
            Map<String, Object> structured = json.convertValue(results, OBJECT);
            return CallToolResult.builder()
                    .addTextContent(message + " " + json.writeValueAsString(structured))
                    .isError(true)
                    .build();
        }
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }
}
