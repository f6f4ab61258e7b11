package herald.agents;

import herald.publishing.Post;
import herald.publishing.PostId;
import herald.publishing.PostRepeats;
import herald.publishing.Posts;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.shared.NotFound;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * An agent withdraws a post it created, before the post starts publishing (a draft, one waiting for approval, or a
 * scheduled one): the post is cancelled as a member's cancel would cancel it, with the agent as the audit's actor; or
 * it stops a repeating post it created from making more, or skips one of its coming days (and puts it back). No
 * capability is needed beyond having created the post: withdrawing only takes back what the agent did. Posts of others,
 * even on accounts the agent may read, are not its to cancel.
 */
@Component
public class AgentCancellation {

    private static final String CALL = "posts.cancel";

    private final AgentCalls calls;
    private final AgentPostLog log;
    private final Posts posts;
    private final PostRepeats repeats;

    AgentCancellation(AgentCalls calls, AgentPostLog log, Posts posts, PostRepeats repeats) {
        this.calls = calls;
        this.log = log;
        this.posts = posts;
        this.repeats = repeats;
    }

    /**
     * Cancels the agent's post. @throws NotFound when the agent did not create it @throws Conflict once it is
     * publishing or finished
     */
    public Post cancel(AgentPrincipal caller, Channel channel, PostId id) {
        return withdraw(caller, channel, CALL, id, () -> posts.cancel(caller.workspace(), id));
    }

    /**
     * Ends the series of a repeating post the agent created (its latest post stays as it is; cancel it to skip it).
     * Answers the post. @throws NotFound when the agent did not create it @throws Conflict when it does not repeat, or
     * its series already ended
     */
    public Post stopRepeating(AgentPrincipal caller, Channel channel, PostId id) {
        return withdraw(caller, channel, "posts.stop_repeating", id, () -> {
            repeats.stop(caller.workspace(), id);
            return posts.get(caller.workspace(), id);
        });
    }

    /**
     * Takes one coming day out of the series of a repeating post the agent created: no post is made that day, and the
     * series goes on with the next. Answers the post. @throws NotFound when the agent did not create it @throws
     * Conflict when it does not repeat, or its series ended @throws InvalidInput for a day the series
     * does not post on in the coming year
     */
    public Post skipDay(AgentPrincipal caller, Channel channel, PostId id, LocalDate day) {
        return withdraw(caller, channel, "posts.skip_day", id, () -> {
            repeats.skip(caller.workspace(), id, day);
            return posts.get(caller.workspace(), id);
        });
    }

    /** Puts a day the agent skipped back into its series. Answers the post; throws as {@link #skipDay} does. */
    public Post unskipDay(AgentPrincipal caller, Channel channel, PostId id, LocalDate day) {
        return withdraw(caller, channel, "posts.unskip_day", id, () -> {
            repeats.unskip(caller.workspace(), id, day);
            return posts.get(caller.workspace(), id);
        });
    }

    private Post withdraw(AgentPrincipal caller, Channel channel, String call, PostId id, Supplier<Post> action) {
        return calls.run(caller, channel, call, () -> {
            if (!log.createdBy(caller.workspace(), caller.agent(), id)) {
                calls.record(caller, channel, call, Map.of("outcome", "not_found", "post", id.toString()));
                throw new NotFound("This agent has no post " + id + ".");
            }
            try {
                Post done = action.get();
                calls.record(caller, channel, call, Map.of("outcome", "ok", "post", id.toString()));
                return done;
            } catch (Conflict e) {
                calls.record(caller, channel, call, Map.of("outcome", "conflict", "post", id.toString()));
                throw e;
            } catch (InvalidInput e) {
                calls.record(caller, channel, call, Map.of("outcome", "invalid", "post", id.toString()));
                throw e;
            }
        });
    }
}
