package herald.agents;

import herald.connections.Connection;
import herald.connections.ConnectionId;
import herald.connections.Connections;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * An agent posts. Each account becomes a post of its own, so that one account's refusal, approval or failure never
 * holds the others; each goes through {@link Posts} exactly as a member's post does (validation, the plan's quota,
 * audit), after the agent's grant on that account is checked for the capability and its daily cap.
 */
@Component
public class AgentPosting {

    private final AgentCalls calls;
    private final Grants grants;
    private final Connections connections;
    private final Posts posts;
    private final AgentPostLog log;
    private final Workspaces workspaces;
    private final Clock clock;

    AgentPosting(
            AgentCalls calls,
            Grants grants,
            Connections connections,
            Posts posts,
            AgentPostLog log,
            Workspaces workspaces,
            Clock clock) {
        this.calls = calls;
        this.grants = grants;
        this.connections = connections;
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
            check(request);
            List<TargetOutcome> outcomes = new ArrayList<>();
            for (Resolved target : resolve(caller, request)) {
                TargetOutcome outcome =
                        target.refusal() != null ? target.refusal() : publish(caller, channel, request, target);
                calls.record(caller, channel, "posts.create", details(target, outcome));
                outcomes.add(outcome);
            }
            return awaitPublished(caller, outcomes, request.waitSeconds());
        });
    }

    private void check(AgentPostRequest request) {
        if (request.content() != null && request.content().length() > AgentPostRequest.MAX_CONTENT) {
            throw new InvalidInput(
                    "content",
                    "The content has " + request.content().length() + " characters; Herald takes at most "
                            + AgentPostRequest.MAX_CONTENT + ". Shorten it (each platform's own limit is lower).");
        }
        if (request.platforms().isEmpty() == request.connectionIds().isEmpty()) {
            throw new InvalidInput(
                    "platforms",
                    "Name the accounts to post to, either by platform (\"platforms\": [\"x\"]) or by account"
                            + " (\"connectionIds\": [...], from the accounts listing), not both.");
        }
        if (request.platforms().size() + request.connectionIds().size() > AgentPostRequest.MAX_TARGETS) {
            throw new InvalidInput("platforms", "At most " + AgentPostRequest.MAX_TARGETS + " accounts per post.");
        }
        if (request.mediaIds().size() > AgentPostRequest.MAX_TARGETS) {
            throw new InvalidInput("mediaIds", "At most " + AgentPostRequest.MAX_TARGETS + " media per post.");
        }
        if (request.waitSeconds() < 0 || request.waitSeconds() > AgentPostRequest.MAX_WAIT_SECONDS) {
            throw new InvalidInput(
                    "waitSeconds", "Wait 0 to " + AgentPostRequest.MAX_WAIT_SECONDS + " seconds, or leave it out.");
        }
        Set<String> known = platforms();
        for (int i = 0; i < request.platforms().size(); i++) {
            String platform = request.platforms().get(i);
            if (platform == null || !known.contains(platform.toLowerCase(Locale.ROOT))) {
                throw new InvalidInput(
                        "platforms[" + i + "]",
                        "Unknown platform '" + platform + "': use one of " + String.join(", ", known) + ".");
            }
        }
    }

    /** The platforms Herald knows, whether or not this installation has their credentials yet. */
    static final Set<String> PLATFORMS = Set.of("x", "facebook", "instagram", "linkedin", "sandbox");

    private Set<String> platforms() {
        Set<String> known =
                connections.providers().stream().map(p -> p.id()).collect(Collectors.toCollection(TreeSet::new));
        known.addAll(PLATFORMS);
        return known;
    }

    /** One account to post to, with the grant that allows it, or the refusal that stops it. */
    private record Resolved(
            String platform, @Nullable Connection connection, @Nullable Grant grant, @Nullable TargetOutcome refusal) {}

    private List<Resolved> resolve(AgentPrincipal caller, AgentPostRequest request) {
        List<Connection> all = connections.list(caller.workspace());
        Map<ConnectionId, Grant> granted = new LinkedHashMap<>();
        grants.list(caller.workspace(), caller.agent()).forEach(g -> granted.put(g.connection(), g));
        List<Resolved> resolved = new ArrayList<>();
        Set<ConnectionId> seen = new java.util.HashSet<>();
        for (String asked : request.platforms()) {
            String platform = asked.toLowerCase(Locale.ROOT);
            List<Connection> accounts = all.stream()
                    .filter(c -> c.provider().equals(platform)
                            && c.status() != herald.connections.ConnectionStatus.DISCONNECTED)
                    .toList();
            if (accounts.isEmpty()) {
                resolved.add(new Resolved(
                        platform,
                        null,
                        null,
                        TargetOutcome.refused(
                                platform,
                                null,
                                null,
                                TargetOutcome.Error.NOT_CONNECTED,
                                "The workspace has no " + platform + " account connected. A member connects one under"
                                        + " Connections; until then, post to another platform.")));
                continue;
            }
            List<Connection> usable =
                    accounts.stream().filter(c -> granted.containsKey(c.id())).toList();
            if (usable.isEmpty()) {
                resolved.add(new Resolved(
                        platform,
                        null,
                        null,
                        TargetOutcome.refused(
                                platform,
                                null,
                                null,
                                TargetOutcome.Error.NO_PERMISSION,
                                "This agent was granted no " + platform
                                        + " account. Ask a workspace admin to grant one, or"
                                        + " post to the accounts listed by the accounts call.")));
                continue;
            }
            usable.stream()
                    .filter(c -> seen.add(c.id()))
                    .forEach(c -> resolved.add(new Resolved(platform, c, granted.get(c.id()), null)));
        }
        for (ConnectionId id : request.connectionIds()) {
            Optional<Connection> account =
                    all.stream().filter(c -> c.id().equals(id)).findFirst();
            if (account.isEmpty() || account.get().status() == herald.connections.ConnectionStatus.DISCONNECTED) {
                resolved.add(new Resolved(
                        "unknown",
                        null,
                        null,
                        TargetOutcome.refused(
                                "unknown",
                                id,
                                null,
                                TargetOutcome.Error.NOT_CONNECTED,
                                "No connected account " + id
                                        + " in this workspace. List the accounts this agent may use"
                                        + " and take an id from there.")));
            } else if (!granted.containsKey(id)) {
                Connection c = account.get();
                resolved.add(new Resolved(
                        c.provider(),
                        c,
                        null,
                        TargetOutcome.refused(
                                c.provider(),
                                id,
                                name(c),
                                TargetOutcome.Error.NO_PERMISSION,
                                "This agent was not granted " + name(c) + ". Ask a workspace admin to grant it.")));
            } else if (seen.add(id)) {
                Connection c = account.get();
                resolved.add(new Resolved(c.provider(), c, granted.get(id), null));
            }
        }
        return resolved;
    }

    private TargetOutcome publish(AgentPrincipal caller, Channel channel, AgentPostRequest request, Resolved target) {
        Connection account = target.connection();
        Grant grant = target.grant();
        Capability needed = request.scheduleAt() == null ? Capability.POST_CREATE : Capability.POST_SCHEDULE;
        if (!grant.allows(needed)) {
            return refuse(
                    target,
                    TargetOutcome.Error.NO_PERMISSION,
                    "The grant on " + name(account) + " does not allow "
                            + needed
                            + (needed == Capability.POST_SCHEDULE
                                    ? " (posting later); leave out scheduleAt to publish now, if POST_CREATE is granted."
                                    : " (publishing now); give a scheduleAt, if POST_SCHEDULE is granted.")
                            + " Granted: "
                            + grant.capabilities().stream()
                                    .map(Enum::name)
                                    .sorted()
                                    .toList() + ".");
        }
        if (!account.active()) {
            return refuse(
                    target,
                    TargetOutcome.Error.NOT_CONNECTED,
                    name(account) + " needs reconnecting by a member" + " before anything can be posted to it.");
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
                            + " times a day to " + name(account) + " and has today (" + today + ", " + zone
                            + "). Try again after midnight there, or ask an admin to raise the cap.");
        }
        try {
            Post post = posts.create(
                    caller.workspace(),
                    new NewPost(
                            request.content() == null ? "" : request.content(),
                            null,
                            request.mediaIds(),
                            List.of(new NewPost.NewTarget(account.id(), null)),
                            request.scheduleAt(),
                            request.timezone(),
                            false),
                    Provenance.of(channel.origin(), caller.actor()),
                    grant.requiresApproval());
            log.attach(caller.workspace(), reservation.get(), post.id(), grant.requiresApproval());
            return outcome(target.platform(), post);
        } catch (PostRejected e) {
            log.discard(caller.workspace(), reservation.get());
            boolean inactive = e.violations().stream().anyMatch(v -> v.rule().equals("connection.inactive"));
            String detail = e.violations().stream()
                    .map(v -> v.message() + " (" + v.rule() + ", field "
                            + v.field().replace("body", "content") + ")")
                    .collect(Collectors.joining(" "));
            return refuse(
                    target, inactive ? TargetOutcome.Error.NOT_CONNECTED : TargetOutcome.Error.INVALID_CONTENT, detail);
        } catch (LimitReached e) {
            log.discard(caller.workspace(), reservation.get());
            return refuse(target, TargetOutcome.Error.QUOTA_EXCEEDED, e.getMessage());
        } catch (InvalidInput e) {
            log.discard(caller.workspace(), reservation.get());
            String field = e.field().equals("scheduledAt") ? "scheduleAt" : e.field();
            return refuse(target, TargetOutcome.Error.INVALID_CONTENT, e.getMessage() + " (field " + field + ")");
        } catch (RuntimeException e) {
            log.discard(caller.workspace(), reservation.get());
            throw e;
        }
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
                        : null);
    }

    private static TargetOutcome refuse(Resolved target, TargetOutcome.Error error, String detail) {
        return TargetOutcome.refused(
                target.platform(), target.connection().id(), name(target.connection()), error, detail);
    }

    static String name(Connection connection) {
        return connection.label() + " (" + connection.provider() + " @" + connection.username() + ")";
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
