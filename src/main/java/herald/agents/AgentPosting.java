package herald.agents;

import herald.agents.AgentTargets.Resolved;
import herald.connections.Connection;
import herald.publishing.NewPost;
import herald.publishing.Post;
import herald.publishing.PostRejected;
import herald.publishing.Posts;
import herald.publishing.Provenance;
import herald.publishing.Target;
import herald.publishing.TargetStatus;
import herald.shared.InvalidInput;
import herald.shared.LimitReached;
import herald.tenancy.Workspaces;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * An agent posts. Each account becomes a post of its own, so that one account's refusal, approval or failure never
 * holds the others; each goes through {@link Posts} exactly as a member's post does (validation, the plan's quota,
 * audit), after the agent's grant on that account is checked for the capability and its daily cap.
 */
@Component
public class AgentPosting {

    private final AgentCalls calls;
    private final AgentTargets targets;
    private final Posts posts;
    private final AgentPostLog log;
    private final Workspaces workspaces;
    private final Clock clock;

    AgentPosting(
            AgentCalls calls, AgentTargets targets, Posts posts, AgentPostLog log, Workspaces workspaces, Clock clock) {
        this.calls = calls;
        this.targets = targets;
        this.posts = posts;
        this.log = log;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    /**
     * Posts to each account the request names, answering one outcome per account.
     *
     * @throws InvalidInput for a request that names no account, an unknown platform, too many accounts, or oversized
     *     content: nothing was created
     * @throws AgentRefused when the agent is paused
     */
    public List<TargetOutcome> post(AgentPrincipal caller, Channel channel, AgentPostRequest request) {
        return calls.run(caller, channel, "posts.create", () -> {
            targets.check(request);
            AgentVariants.check(request);
            List<Resolved> resolved = targets.resolve(caller, request);
            AgentVariants.checkTargets(request, resolved);
            List<TargetOutcome> outcomes = new ArrayList<>();
            for (Resolved target : resolved) {
                TargetOutcome outcome =
                        target.refusal() != null ? target.refusal() : publish(caller, channel, request, target);
                calls.record(caller, channel, "posts.create", details(target, outcome));
                outcomes.add(outcome);
            }
            return awaitPublished(caller, outcomes, request.waitSeconds());
        });
    }

    private TargetOutcome publish(AgentPrincipal caller, Channel channel, AgentPostRequest request, Resolved target) {
        Connection account = target.connection();
        Grant grant = target.grant();
        Capability needed = request.scheduleAt() == null ? Capability.POST_CREATE : Capability.POST_SCHEDULE;
        if (!grant.allows(needed)) {
            return refuse(
                    target,
                    TargetOutcome.Error.NO_PERMISSION,
                    "The grant on " + AgentTargets.name(account) + " does not allow "
                            + needed
                            + (needed == Capability.POST_SCHEDULE
                                    ? " (posting later); leave out scheduleAt to publish now, if POST_CREATE is granted."
                                    : " (publishing now); give a scheduleAt, if POST_SCHEDULE is granted.")
                            + granted(grant));
        }
        if (request.repeats() && !grant.allows(Capability.POST_SCHEDULE)) {
            return refuse(
                    target,
                    TargetOutcome.Error.NO_PERMISSION,
                    "The grant on " + AgentTargets.name(account) + " does not allow POST_SCHEDULE (posting later),"
                            + " which a repeating post needs for the posts after it; leave out repeat."
                            + granted(grant));
        }
        if (!account.active()) {
            return refuse(
                    target,
                    TargetOutcome.Error.NOT_CONNECTED,
                    AgentTargets.name(account) + " needs reconnecting by a member"
                            + " before anything can be posted to it.");
        }
        Instant now = clock.instant();
        var zone = workspaces.require(caller.workspace()).timezone();
        LocalDate today = now.atZone(zone).toLocalDate();
        Optional<UUID> reservation = log.reserve(
                caller.workspace(),
                caller.agent(),
                grant,
                channel,
                today.atStartOfDay(zone).toInstant(),
                now);
        if (reservation.isEmpty()) {
            return refuse(
                    target,
                    TargetOutcome.Error.QUOTA_EXCEEDED,
                    "This agent may post " + grant.dailyCap()
                            + " times a day to " + AgentTargets.name(account) + " and has today (" + today + ", " + zone
                            + "). Try again after midnight there, or ask an admin to raise the cap.");
        }
        Optional<AgentVariants.Chosen> variant = AgentVariants.forAccount(request, account);
        try {
            Post post = posts.create(
                    caller.workspace(),
                    new NewPost(
                            request.content() == null ? "" : request.content(),
                            null,
                            request.mediaIds(),
                            List.of(ownTarget(account, variant)),
                            request.scheduleAt(),
                            request.timezone(),
                            false,
                            request.tags(),
                            request.tagLinks(),
                            request.firstComment(),
                            request.repeat(),
                            request.shortenLinks(),
                            request.thread().parts(),
                            request.thread().media(),
                            request.language()),
                    Provenance.of(channel.origin(), caller.actor()),
                    grant.requiresApproval());
            log.attach(caller.workspace(), reservation.get(), post.id(), grant.requiresApproval());
            return outcome(target.platform(), post);
        } catch (PostRejected e) {
            log.discard(caller.workspace(), reservation.get());
            boolean inactive = e.violations().stream().anyMatch(v -> v.rule().equals("connection.inactive"));
            String detail = e.violations().stream()
                    .map(v -> v.message() + " (" + v.rule() + ", field " + agentField(v.field(), variant) + ")")
                    .collect(Collectors.joining(" "));
            return refuse(
                    target, inactive ? TargetOutcome.Error.NOT_CONNECTED : TargetOutcome.Error.INVALID_CONTENT, detail);
        } catch (LimitReached e) {
            log.discard(caller.workspace(), reservation.get());
            return refuse(target, TargetOutcome.Error.QUOTA_EXCEEDED, e.getMessage());
        } catch (InvalidInput e) {
            log.discard(caller.workspace(), reservation.get());
            return refuse(
                    target,
                    TargetOutcome.Error.INVALID_CONTENT,
                    e.getMessage() + " (field " + agentField(e.field(), variant) + ")");
        } catch (RuntimeException e) {
            log.discard(caller.workspace(), reservation.get());
            throw e;
        }
    }

    private static String granted(Grant grant) {
        return " Granted: "
                + grant.capabilities().stream().map(Enum::name).sorted().toList() + ".";
    }

    /** The account's target: with the variant's text and first comment where it gives them, else the request's. */
    private static NewPost.NewTarget ownTarget(Connection account, Optional<AgentVariants.Chosen> variant) {
        if (variant.isEmpty()) {
            return new NewPost.NewTarget(account.id(), null);
        }
        var chosen = variant.get().variant();
        return new NewPost.NewTarget(
                account.id(),
                AgentVariants.blank(chosen.content()) ? null : chosen.content(),
                chosen.firstComment(),
                AgentVariants.format("variants[" + variant.get().index() + "]", chosen),
                chosen.commentOff());
    }

    /**
     * A field of a post as the agent named it in its request: the post's {@code body} is the agent's {@code content},
     * its {@code scheduledAt} the agent's {@code scheduleAt}, the target's own text and first comment are the
     * variant's; the rest ({@code firstComment}, {@code mediaIds}) are named alike.
     */
    static String agentField(String field, Optional<AgentVariants.Chosen> variant) {
        return switch (field) {
            case "body" -> "content";
            case "scheduledAt" -> "scheduleAt";
            case "targets[0].body" -> variant.map(v -> v.field("content")).orElse(field);
            case "targets[0].format" -> variant.map(v -> v.field("format")).orElse(field);
            case "targets[0].firstComment" ->
                variant.map(v -> v.field("firstComment")).orElse(field);
            default -> field;
        };
    }

    private List<TargetOutcome> awaitPublished(AgentPrincipal caller, List<TargetOutcome> outcomes, int seconds) {
        Instant until = clock.instant().plusSeconds(seconds);
        List<TargetOutcome> current = outcomes;
        while (current.stream().anyMatch(AgentPosting::dueNow)
                && clock.instant().isBefore(until)) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            current = current.stream()
                    .map(o -> dueNow(o) ? outcome(o.platform(), posts.get(caller.workspace(), o.post())) : o)
                    .toList();
        }
        return current;
    }

    private static boolean dueNow(TargetOutcome outcome) {
        return outcome.created()
                && ("scheduled".equals(outcome.status()) || "publishing".equals(outcome.status()))
                && (outcome.scheduledAt() == null || !outcome.scheduledAt().isAfter(Instant.now()));
    }

    static TargetOutcome outcome(String platform, Post post) {
        Target target = post.targets().getFirst();
        String status = post.status().value().equals("pending_approval")
                ? "pending_approval"
                : target.status().value();
        return new TargetOutcome(
                platform,
                target.connection(),
                target.account(),
                post.id(),
                status,
                post.scheduledAt(),
                target.status() == TargetStatus.PUBLISHED ? target.platformUrl() : null,
                null,
                target.status() == TargetStatus.FAILED || target.status() == TargetStatus.UNKNOWN
                        ? target.lastError()
                        : null,
                target.comment());
    }

    private static TargetOutcome refuse(Resolved target, TargetOutcome.Error error, String detail) {
        return TargetOutcome.refused(
                target.platform(), target.connection().id(), AgentTargets.name(target.connection()), error, detail);
    }

    private static Map<String, String> details(Resolved target, TargetOutcome outcome) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("platform", outcome.platform());
        if (outcome.connection() != null) {
            details.put("connection", outcome.connection().toString());
        }
        if (target.grant() != null) {
            details.put("grant", target.grant().id().toString());
        }
        details.put("outcome", outcome.error() != null ? outcome.error().value() : outcome.status());
        if (outcome.post() != null) {
            details.put("post", outcome.post().toString());
        }
        return details;
    }
}
