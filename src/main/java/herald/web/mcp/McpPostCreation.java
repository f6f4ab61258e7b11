package herald.web.mcp;

import herald.agents.AgentPosting;
import herald.agents.AgentPrincipal;
import herald.agents.Channel;
import herald.shared.InvalidInput;
import herald.web.api.agent.AgentPostBody;
import herald.web.api.agent.Results;
import herald.web.api.idempotency.IdempotentCalls;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The create_post tool's work: the post through {@link AgentPosting}, at most once per idempotency key. */
final class McpPostCreation {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    private static final String IDEMPOTENCY_KEY = "idempotencyKey";

    /** How the tool's arguments become a request: McpTools' strict conversion, refusing unknown arguments. */
    @FunctionalInterface
    interface Arguments {
        <T> T convert(Map<String, Object> args, Class<T> type);
    }

    /** A post request no account accepted: answered as a tool error carrying every account's result. */
    static final class Refused extends RuntimeException {
        final Results results;

        Refused(Results results) {
            super("No account got a post; each result says why and what to change.");
            this.results = results;
        }
    }

    private final AgentPosting posting;
    private final IdempotentCalls calls;
    private final JsonMapper json;

    McpPostCreation(AgentPosting posting, IdempotentCalls calls, JsonMapper json) {
        this.posting = posting;
        this.calls = calls;
        this.json = json;
    }

    /**
     * create_post, at most once per {@code idempotencyKey} of the agent: a retry after a timeout or a lost answer gets
     * the first call's result (with {@code replayed: true}) instead of a second post. A call that created no post keeps
     * nothing, so it may be corrected and sent again under the same key.
     */
    Object create(AgentPrincipal agent, Map<String, Object> args, Arguments arguments) {
        Map<String, Object> request = new TreeMap<>(args);
        Object key = request.remove(IDEMPOTENCY_KEY);
        AgentPostBody body = arguments.convert(request, AgentPostBody.class);
        if (key == null) {
            return created(agent, body);
        }
        if (!(key instanceof String given)) {
            throw new InvalidInput(IDEMPOTENCY_KEY, "Give a string of 1 to 255 visible ASCII characters, like a UUID.");
        }
        request.remove("waitSeconds"); // how long to wait for the URL is not part of what is posted
        var result = calls.once(
                agent.workspace(),
                "mcp/" + agent.agent().value() + "/",
                IDEMPOTENCY_KEY,
                given,
                fingerprint("create_post", request),
                () -> json.writeValueAsBytes(created(agent, body)));
        Map<String, Object> structured = json.readValue(result.json(), OBJECT);
        if (result.replayed()) {
            structured.put("replayed", true);
        }
        return structured;
    }

    private Results created(AgentPrincipal agent, AgentPostBody body) {
        var results = Results.of(posting.post(agent, Channel.MCP, body.toRequest()));
        if (results.created() == 0) {
            throw new Refused(results);
        }
        return results;
    }

    /** SHA-256 of the tool's name and its arguments as JSON, keys sorted: the same call gives the same bytes. */
    private byte[] fingerprint(String tool, Map<String, Object> sorted) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((tool + "\n").getBytes(StandardCharsets.UTF_8));
            return sha256.digest(json.writeValueAsBytes(sorted));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
