package herald.publishing;

import herald.assets.AssetId;
import herald.connections.Connection;
import herald.connections.ConnectionId;
import herald.connections.Connections;
import herald.providers.PostFormat;
import herald.shared.LanguageTag;
import herald.shared.WorkspaceId;
import herald.tenancy.Workspaces;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Bulk scheduling: a CSV file of posts (docs/bulk-scheduling.md) previewed row by row, then created all or none by a
 * {@link ScheduledBatch}. Times are local to the workspace's zone. Rows without accounts of their own go to the accounts
 * the caller chose for the file.
 */
@Component
public class PostImport {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd['T'][' ']H:mm[:ss]");

    private final ScheduledBatch batch;
    private final Connections connections;
    private final Workspaces workspaces;
    private final Clock clock;

    PostImport(ScheduledBatch batch, Connections connections, Workspaces workspaces, Clock clock) {
        this.batch = batch;
        this.connections = connections;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    /**
     * Each row as importing the file would create it (its time or queue slot, its accounts) or with every problem it
     * has; creates nothing.
     *
     * @param accounts for the rows whose {@code accounts} cell is empty or missing
     * @throws ImportRejected when the file itself cannot be read (size, encoding, header, too many rows)
     */
    public ImportPreview preview(WorkspaceId workspace, byte[] csv, List<ConnectionId> accounts) {
        Rows rows = read(workspace, csv, accounts);
        return rows.preview(batch.rehearse(workspace, rows.posts(), Provenance.ofCurrentActor()));
    }

    /**
     * Creates a post for every row, in one transaction, or none.
     *
     * @throws ImportRejected listing every problem of every row, with the preview; nothing was created
     */
    public List<Created> schedule(
            WorkspaceId workspace, byte[] csv, List<ConnectionId> accounts, Provenance provenance) {
        Rows rows = read(workspace, csv, accounts);
        if (rows.hasProblems()) {
            throw rejected(rows.preview(batch.rehearse(workspace, rows.posts(), provenance)));
        }
        try {
            List<Post> posts = batch.create(workspace, rows.posts(), provenance);
            List<Created> created = new ArrayList<>();
            for (int i = 0; i < posts.size(); i++) {
                Row row = rows.rows().get(i);
                created.add(new Created(row.line().row(), row.post().queued(), posts.get(i)));
            }
            return created;
        } catch (BatchRejected e) {
            throw rejected(rows.preview(e.outcomes()));
        }
    }

    /** A post created from the file's row {@code row} (the header is row 1), and whether the row asked for the queue. */
    public record Created(int row, boolean queued, Post post) {}

    private static ImportRejected rejected(ImportPreview preview) {
        return new ImportRejected(preview);
    }

    private Rows read(WorkspaceId workspace, byte[] csv, List<ConnectionId> defaults) {
        CsvPosts.Sheet sheet = CsvPosts.read(csv);
        ZoneId zone = workspaces.require(workspace).timezone();
        List<Connection> known = connections.list(workspace);
        var names = new ImportAccounts(known);
        Map<ConnectionId, Connection> byId = known.stream().collect(Collectors.toMap(Connection::id, c -> c));
        List<Row> rows = new ArrayList<>();
        for (CsvPosts.Line line : sheet.lines()) {
            List<ImportProblem> problems = new ArrayList<>(
                    sheet.problems().stream().filter(p -> p.row() == line.row()).toList());
            rows.add(row(line, zone, names, byId, defaults, problems));
        }
        return new Rows(rows, zone, clock);
    }

    private static Row row(
            CsvPosts.Line line,
            ZoneId zone,
            ImportAccounts names,
            Map<ConnectionId, Connection> byId,
            List<ConnectionId> defaults,
            List<ImportProblem> problems) {
        LocalDateTime local = null;
        String scheduledAt = null;
        boolean draft = line.date().isEmpty();
        if (line.date().equalsIgnoreCase(NewPost.QUEUE)) {
            scheduledAt = NewPost.QUEUE;
        } else if (!draft) {
            try {
                local = LocalDateTime.parse(line.date(), LOCAL);
                scheduledAt = local.toString();
            } catch (DateTimeParseException e) {
                problems.add(new ImportProblem(
                        line.row(),
                        CsvPosts.DATE,
                        "'" + line.date() + "' is not a date and time such as 2026-12-24 09:00 (YYYY-MM-DD HH:mm, "
                                + zone.getId() + " time), 'queue', or empty for a draft."));
            }
        }
        List<ConnectionId> accounts = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        if (line.accounts() == null) {
            accounts.addAll(defaults);
            defaults.forEach(id -> shown.add(shown(byId, id, id.toString())));
        } else {
            for (String name : line.accounts()) {
                var resolved = names.resolve(name);
                if (resolved.account() == null) {
                    problems.add(new ImportProblem(line.row(), CsvPosts.ACCOUNTS, resolved.problem()));
                } else {
                    accounts.add(resolved.account());
                }
                shown.add(resolved.account() == null ? name : shown(byId, resolved.account(), name));
            }
        }
        List<AssetId> media = assets(line.row(), CsvPosts.MEDIA, line.media(), problems);
        List<List<AssetId>> threadMedia = new ArrayList<>();
        for (int i = 0; i < line.thread().size(); i++) {
            threadMedia.add(assets(
                    line.row(),
                    line.threadColumns().get(i) + "_media",
                    line.threadMedia().get(i),
                    problems));
        }
        Set<ConnectionId> commentOff = names.commentOff(line, accounts, problems);
        PostFormat format = PostFormat.POST;
        try {
            format = PostFormat.of(line.format());
        } catch (IllegalArgumentException e) {
            problems.add(new ImportProblem(
                    line.row(), CsvPosts.FORMAT, "'" + line.format() + "' is not a format; write post or story."));
        }
        PostFormat asked = format;
        String language = null;
        try {
            language = LanguageTag.of(line.language(), CsvPosts.LANGUAGE);
        } catch (herald.shared.InvalidInput e) {
            problems.add(new ImportProblem(line.row(), CsvPosts.LANGUAGE, e.getMessage()));
        }
        List<String> tags = List.of();
        try {
            tags = PostTags.read(line.tags());
        } catch (herald.shared.InvalidInput e) {
            problems.add(new ImportProblem(line.row(), CsvPosts.TAGS, e.getMessage()));
        }
        NewPost post = new NewPost(
                        line.text(),
                        line.link().isEmpty() ? null : line.link(),
                        media,
                        accounts.stream()
                                .map(id -> new NewPost.NewTarget(id, null, null, asked, commentOff.contains(id)))
                                .toList(),
                        scheduledAt,
                        zone.getId(),
                        draft,
                        tags,
                        null,
                        line.firstComment())
                .withThread(ThreadContent.of(line.thread(), threadMedia))
                .inLanguage(language);
        return new Row(line, post, local, List.copyOf(shown), problems);
    }

    /** The asset ids of a cell, each that is not one a problem of {@code column}. */
    private static List<AssetId> assets(int row, String column, List<String> ids, List<ImportProblem> problems) {
        List<AssetId> found = new ArrayList<>();
        for (String id : ids) {
            ImportAccounts.uuid(id)
                    .ifPresentOrElse(
                            uuid -> found.add(new AssetId(uuid)),
                            () -> problems.add(new ImportProblem(
                                    row,
                                    column,
                                    "'" + id + "' is not an asset id; copy the ids from the asset library.")));
        }
        return found;
    }

    private static String shown(Map<ConnectionId, Connection> byId, ConnectionId id, String otherwise) {
        Connection account = byId.get(id);
        return account == null ? otherwise : "@" + account.username();
    }

    /** A row of the file read into the post it asks for, with the problems found while reading it. */
    private record Row(
            CsvPosts.Line line,
            NewPost post,
            @Nullable LocalDateTime local,
            List<String> accounts,
            List<ImportProblem> problems) {}

    private record Rows(List<Row> rows, ZoneId zone, Clock clock) {

        List<NewPost> posts() {
            return rows.stream().map(Row::post).toList();
        }

        boolean hasProblems() {
            return rows.stream().anyMatch(r -> !r.problems().isEmpty());
        }

        ImportPreview preview(List<ScheduledBatch.Outcome> outcomes) {
            List<ImportPreview.Row> shown = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                ScheduledBatch.Outcome outcome = outcomes.get(i);
                List<ImportProblem> problems = new ArrayList<>(row.problems());
                boolean namedUnknownAccounts =
                        row.problems().stream().anyMatch(p -> CsvPosts.ACCOUNTS.equals(p.field()));
                outcome.problems().stream()
                        .map(p -> problem(row, p))
                        // "Choose at least one account" says less than "no account 'x'" already said.
                        .filter(p -> !(namedUnknownAccounts && CsvPosts.ACCOUNTS.equals(p.field())))
                        .forEach(problems::add);
                boolean accepted = problems.isEmpty();
                shown.add(new ImportPreview.Row(
                        row.line().row(),
                        row.line().date(),
                        accepted ? outcome.status() : null,
                        accepted ? outcome.due() : null,
                        row.post().queued(),
                        outcome.accounts().isEmpty() ? row.accounts() : outcome.accounts(),
                        row.line().text(),
                        row.post().link(),
                        row.post().media().size(),
                        distinct(problems)));
            }
            return new ImportPreview(shown);
        }

        /** A problem of the post as the file's column names it, and a past time in the file's own words. */
        private ImportProblem problem(Row row, ScheduledBatch.Problem problem) {
            String column = ImportColumns.of(problem.field(), row.line().threadColumns());
            LocalDateTime local = row.local();
            if (CsvPosts.DATE.equals(column)
                    && local != null
                    && local.atZone(zone).toInstant().isBefore(clock.instant())) {
                return new ImportProblem(
                        row.line().row(),
                        column,
                        row.line().date() + " has already passed in " + zone.getId()
                                + ". Choose a later time, or leave the date empty for a draft.");
            }
            return new ImportProblem(row.line().row(), column, problem.message());
        }

        private static List<ImportProblem> distinct(List<ImportProblem> problems) {
            return problems.stream().distinct().toList();
        }
    }
}
