package herald.publishing;

import herald.connections.ConnectionId;
import herald.shared.InvalidInput;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** A post that breaks its targets' rules; nothing was saved. Each violation names the target and the rule. */
public class PostRejected extends InvalidInput {

    /**
     * @param field the request field, e.g. {@code targets[1].body}, {@code mediaIds[0]}
     * @param connection the target's connection, when the rule is a target's
     * @param rule a stable name: {@code text.length}, {@code text.empty}, {@code media.kind}, {@code media.count},
     *     {@code media.size}, {@code media.not_found}, {@code connection.not_found}, {@code connection.inactive},
     *     {@code link.invalid}, {@code targets.empty}, {@code targets.duplicate}
     */
    public record Violation(String field, @Nullable ConnectionId connection, String rule, String message) {}

    private final List<Violation> violations;

    public PostRejected(List<Violation> violations) {
        super(
                violations.getFirst().field(),
                violations.stream().map(Violation::message).collect(Collectors.joining(" ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
