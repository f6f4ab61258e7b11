package herald.content;

import herald.shared.LimitReached;
import herald.shared.WorkspaceId;
import org.springframework.stereotype.Service;

/** "Test the endpoint": a tiny call to whatever endpoint answers the workspace, logged and counted like any other. */
@Service
public class AiEndpointChecks {

    private final AiWriter ai;

    AiEndpointChecks(AiWriter ai) {
        this.ai = ai;
    }

    public AiEndpointCheck check(WorkspaceId workspace) {
        AiAvailability availability = ai.availability(workspace);
        try {
            AiReply reply = ai.write(
                    workspace,
                    new AiPrompt(
                            "test",
                            "You are a connectivity check. Answer with one word.",
                            "Reply with the word: ready",
                            16,
                            0,
                            null));
            long millis = reply.latency().toMillis();
            return new AiEndpointCheck(
                    true,
                    availability.source(),
                    reply.model(),
                    millis,
                    "The endpoint answered in " + millis + " ms (model " + reply.model() + ", "
                            + reply.usage().totalTokens() + " tokens).",
                    null);
        } catch (AiFailure failure) {
            return new AiEndpointCheck(
                    false,
                    availability.source(),
                    availability.model(),
                    0,
                    failure.getMessage(),
                    failure.kind().name());
        } catch (LimitReached limit) {
            return new AiEndpointCheck(
                    false, availability.source(), availability.model(), 0, limit.getMessage(), "LIMIT_REACHED");
        }
    }
}
