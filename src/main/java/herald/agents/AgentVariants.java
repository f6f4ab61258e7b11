package herald.agents;

import herald.agents.AgentPostRequest.Variant;
import herald.agents.AgentTargets.Resolved;
import herald.connections.Connection;
import herald.connections.ConnectionId;
import herald.providers.PostFormat;
import herald.shared.InvalidInput;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * The request's variants: each account's own text or first comment. Checked before anything is created (each names
 * one platform or one account the request posts to, once, and says something within Herald's caps), then looked up
 * per account, an account's own variant before its platform's.
 */
final class AgentVariants {

    private AgentVariants() {}

    /** A variant with its place in the request, by which refusals name its fields. */
    record Chosen(int index, Variant variant) {

        String field(String name) {
            return "variants[" + index + "]." + name;
        }
    }

    /** @throws InvalidInput for a variant that names neither or both, repeats another, or says nothing or too much */
    static void check(AgentPostRequest request) {
        List<Variant> variants = request.variants();
        if (variants.size() > AgentPostRequest.MAX_TARGETS) {
            throw new InvalidInput(
                    "variants", "At most " + AgentPostRequest.MAX_TARGETS + " variants per post, one per account.");
        }
        Set<String> named = new HashSet<>();
        for (int i = 0; i < variants.size(); i++) {
            Variant v = variants.get(i);
            String field = "variants[" + i + "]";
            if (v == null || (v.platform() == null) == (v.connectionId() == null)) {
                throw new InvalidInput(
                        field,
                        "Each variant names either a \"platform\" (every account of it this post goes to) or a"
                                + " \"connectionId\" (one account this post goes to), not both.");
            }
            if (blank(v.content()) && blank(v.firstComment()) && v.format() == null && !v.commentOff()) {
                throw new InvalidInput(
                        field,
                        "This variant gives no content, firstComment, format or noFirstComment: give one of them, or"
                                + " leave it out.");
            }
            format(field, v);
            AgentTargets.checkContent(field + ".content", v.content());
            AgentTargets.checkComment(field + ".firstComment", v.firstComment(), "");
            String key = key(v);
            if (!named.add(key)) {
                throw new InvalidInput(
                        field,
                        "Another variant already names "
                                + (v.platform() != null ? "the platform " + v.platform() : "the account " + key)
                                + ": give one variant per platform or account.");
            }
        }
    }

    /**
     * @throws InvalidInput for a variant naming a platform or an account that the request does not post to (for an
     *     account: it is not among the accounts the request named, or those of the platforms it named)
     */
    static void checkTargets(AgentPostRequest request, List<Resolved> resolved) {
        Set<String> platforms = new HashSet<>();
        request.platforms().forEach(p -> platforms.add(p.toLowerCase(Locale.ROOT)));
        Set<ConnectionId> accounts = new HashSet<>(request.connectionIds());
        for (Resolved target : resolved) {
            if (target.connection() != null) {
                platforms.add(target.connection().provider());
                accounts.add(target.connection().id());
            }
        }
        for (int i = 0; i < request.variants().size(); i++) {
            Variant v = request.variants().get(i);
            if (v.platform() != null && !platforms.contains(v.platform().toLowerCase(Locale.ROOT))) {
                throw new InvalidInput(
                        "variants[" + i + "].platform",
                        "This post goes to no " + v.platform() + " account. Name one of the platforms it goes to ("
                                + String.join(", ", platforms.stream().sorted().toList())
                                + "), or add the platform to the post.");
            }
            if (v.connectionId() != null && !accounts.contains(v.connectionId())) {
                throw new InvalidInput(
                        "variants[" + i + "].connectionId",
                        "This post does not go to the account " + v.connectionId()
                                + ". Name an account it goes to, or add the account to the post.");
            }
        }
    }

    /** The variant's format: a post unless it says {@code story}. */
    static PostFormat format(String field, Variant v) {
        try {
            return PostFormat.of(v.format());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field + ".format", "A variant's format is post or story.");
        }
    }

    /** The variant for the account: its own, else its platform's, else none. */
    static Optional<Chosen> forAccount(AgentPostRequest request, Connection account) {
        List<Variant> variants = request.variants();
        Optional<Chosen> own = find(variants, v -> account.id().equals(v.connectionId()));
        return own.isPresent() ? own : find(variants, v -> account.provider().equalsIgnoreCase(v.platform()));
    }

    private static Optional<Chosen> find(List<Variant> variants, Predicate<Variant> wanted) {
        return IntStream.range(0, variants.size())
                .filter(i -> wanted.test(variants.get(i)))
                .mapToObj(i -> new Chosen(i, variants.get(i)))
                .findFirst();
    }

    private static String key(Variant v) {
        return v.platform() != null
                ? "platform:" + v.platform().toLowerCase(Locale.ROOT)
                : v.connectionId().toString();
    }

    static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
