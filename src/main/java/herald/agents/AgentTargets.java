package herald.agents;

import herald.connections.Connection;
import herald.connections.ConnectionId;
import herald.connections.Connections;
import herald.shared.InvalidInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The accounts an agent's post goes to. It checks the request before anything is created, then resolves each platform
 * or account the request names to a connected account and the agent's grant on it, or to the refusal that stops it.
 */
@Component
class AgentTargets {

    private final Grants grants;
    private final Connections connections;

    AgentTargets(Grants grants, Connections connections) {
        this.grants = grants;
        this.connections = connections;
    }

    /** @throws InvalidInput on {@code field} for a text over Herald's cap for a post's content */
    static void checkContent(String field, @Nullable String content) {
        withinCap(field, content, "content", AgentPostRequest.MAX_CONTENT, "each platform's own limit is lower", "");
    }

    /** @throws InvalidInput on {@code field} for a text over Herald's cap for a first comment */
    static void checkComment(String field, @Nullable String comment, String orElse) {
        withinCap(
                field,
                comment,
                "first comment",
                AgentPostRequest.MAX_FIRST_COMMENT,
                "each platform's own limit for comments is lower",
                orElse);
    }

    private static void withinCap(
            String field, @Nullable String text, String what, int cap, String why, String orElse) {
        if (text != null && text.length() > cap) {
            throw new InvalidInput(
                    field,
                    "The " + what + " has " + text.length() + " characters; Herald takes at most " + cap
                            + ". Shorten it (" + why + ")" + orElse + ".");
        }
    }

    /** @throws InvalidInput for a request that cannot be posted as it stands */
    void check(AgentPostRequest request) {
        checkContent("content", request.content());
        checkComment("firstComment", request.firstComment(), " or leave it out");
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
    static final Set<String> PLATFORMS =
            Set.of("x", "bluesky", "mastodon", "facebook", "instagram", "linkedin", "sandbox");

    private Set<String> platforms() {
        Set<String> known =
                connections.providers().stream().map(p -> p.id()).collect(Collectors.toCollection(TreeSet::new));
        known.addAll(PLATFORMS);
        return known;
    }

    /** One account to post to, with the grant that allows it, or the refusal that stops it. */
    record Resolved(
            String platform, @Nullable Connection connection, @Nullable Grant grant, @Nullable TargetOutcome refusal) {}

    /** Expects a request that passed {@link #check}: each platform it names is known and not null. */
    List<Resolved> resolve(AgentPrincipal caller, AgentPostRequest request) {
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

    static String name(Connection connection) {
        return connection.label() + " (" + connection.provider() + " @" + connection.username() + ")";
    }
}
