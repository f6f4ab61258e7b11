package herald.publishing;

import herald.connections.Connection;
import herald.connections.ConnectionId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The accounts a row of a file names: an account's id, its handle ({@code krusty} or {@code @krusty}), or the handle
 * with its platform ({@code x:krusty}) when two platforms' accounts share it. An id is passed on as it is, for the
 * post's checks to refuse when it is not this workspace's.
 */
final class ImportAccounts {

    private final List<Connection> connections;

    ImportAccounts(List<Connection> connections) {
        this.connections = connections;
    }

    /** The account {@code name} stands for, or why there is none. */
    Result resolve(String name) {
        Optional<UUID> id = uuid(name);
        if (id.isPresent()) {
            return new Result(new ConnectionId(id.get()), null);
        }
        int colon = name.indexOf(':');
        String platform = colon < 0 ? null : name.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String handle = (colon < 0 ? name : name.substring(colon + 1)).strip();
        String bare = handle.startsWith("@") ? handle.substring(1) : handle;
        List<Connection> found = connections.stream()
                .filter(c -> c.username().equalsIgnoreCase(bare))
                .filter(c -> platform == null || c.provider().equalsIgnoreCase(platform))
                .toList();
        if (found.size() > 1) {
            List<Connection> active = found.stream().filter(Connection::active).toList();
            found = active.isEmpty() ? found : active;
        }
        if (found.isEmpty()) {
            return new Result(null, "This workspace has no connected account '" + name + "'.");
        }
        if (found.size() > 1) {
            return new Result(
                    null,
                    "'" + name + "' names " + found.size() + " accounts; write it with its platform, e.g. "
                            + found.getFirst().provider() + ":" + bare + ", or use the account's id.");
        }
        return new Result(found.getFirst().id(), null);
    }

    /** Either the account or why none. */
    record Result(@Nullable ConnectionId account, @Nullable String problem) {}

    static Optional<UUID> uuid(String value) {
        try {
            return value.length() == 36 ? Optional.of(UUID.fromString(value)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The row's accounts its {@code no_first_comment} cell keeps the first comment off, each named as in the {@code
     * accounts} column; a name that is no account of the row, or a cell on a row without a first comment, is a problem
     * of the column (a typo must not post a comment where the person wanted none).
     */
    Set<ConnectionId> commentOff(CsvPosts.Line line, List<ConnectionId> accounts, List<ImportProblem> problems) {
        if (line.noFirstComment().isEmpty()) {
            return Set.of();
        }
        if (line.firstComment().isEmpty()) {
            problems.add(new ImportProblem(
                    line.row(),
                    CsvPosts.NO_FIRST_COMMENT,
                    "This row has no first_comment to keep off its accounts; empty the cell or write the comment."));
            return Set.of();
        }
        Set<ConnectionId> off = new HashSet<>();
        for (String name : line.noFirstComment()) {
            var resolved = resolve(name);
            if (resolved.account() == null) {
                problems.add(new ImportProblem(line.row(), CsvPosts.NO_FIRST_COMMENT, resolved.problem()));
            } else if (!accounts.contains(resolved.account())) {
                problems.add(new ImportProblem(
                        line.row(),
                        CsvPosts.NO_FIRST_COMMENT,
                        "'" + name + "' is not one of the row's accounts; name accounts the post goes to."));
            } else {
                off.add(resolved.account());
            }
        }
        return off;
    }
}
