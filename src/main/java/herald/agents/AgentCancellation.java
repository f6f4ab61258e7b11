package herald.agents;

import herald.publishing.Post;
import herald.publishing.PostId;
import herald.publishing.Posts;
import herald.shared.Conflict;
import herald.shared.NotFound;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * An agent withdraws a post it created, before the post starts publishing (a draft, one waiting for approval, or a
 * scheduled one): the post is cancelled as a member's cancel would cancel it, with the agent as the audit's actor. No
 * capability is needed beyond having created the post: withdrawing only takes back what the agent did. Posts of others,
 * even on accounts the agent may read, are not its to cancel.
 */
@Component
public class AgentCancellation {

    private static final String CALL = "posts.cancel";

    private final AgentCalls calls;
    private final AgentPostLog log;
    private final Posts posts;

    AgentCancellation(AgentCalls calls, AgentPostLog log, Posts posts) {
        this.calls = calls;
        this.log = log;
        this.posts = posts;
    }

    /**
     * Cancels the agent's post. @throws NotFound when the agent did not create it @throws Conflict once it is
     * publishing or finished
     */
    public Post cancel(AgentPrincipal caller, Channel channel, PostId id) {
        return calls.run(caller, channel, CALL, () -> {
            if (!log.createdBy(caller.workspace(), caller.agent(), id)) {
                calls.record(caller, channel, CALL, Map.of("outcome", "not_found", "post", id.toString()));
                throw new NotFound("This agent has no post " + id + ".");
            }
            try {
                Post cancelled = posts.cancel(caller.workspace(), id);
                calls.record(caller, channel, CALL, Map.of("outcome", "ok", "post", id.toString()));
                return cancelled;
            } catch (Conflict e) {
                calls.record(caller, channel, CALL, Map.of("outcome", "conflict", "post", id.toString()));
                throw e;
            }
        });
    }
}
