package herald.web.ui;

import herald.publishing.Post;
import herald.publishing.PostId;
import herald.publishing.PostQuery;
import herald.publishing.PostRepeats;
import herald.publishing.PostStatus;
import herald.publishing.Posts;
import herald.publishing.Target;
import herald.publishing.TargetStatus;
import herald.publishing.UpcomingRepeats;
import herald.web.CurrentWorkspace;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * The days of a month (whole weeks, Monday first) or of one week, each with its posts in time order and the posts
 * repeating posts will make there ({@link UpcomingRepeats}).
 */
@Component
class CalendarPage {

    private static final int MOST = 500;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final Posts posts;
    private final PostRepeats repeats;
    private final UpcomingRepeats upcoming;

    CalendarPage(Posts posts, PostRepeats repeats, UpcomingRepeats upcoming) {
        this.posts = posts;
        this.repeats = repeats;
        this.upcoming = upcoming;
    }

    /**
     * A post on its day, or an occurrence a repeating post will make there ({@code status} {@code upcoming}, {@code id}
     * the post it will copy).
     *
     * @param at the local date-time it is due, as a {@code datetime-local} field takes it
     * @param repeats whether a next post is to be made from it ({@link PostRepeats})
     */
    public record Entry(
            String id,
            String time,
            String at,
            String text,
            String status,
            String accounts,
            boolean movable,
            boolean repeats,
            int threadParts) {}

    public record Day(LocalDate date, boolean inMonth, boolean today, List<Entry> entries) {

        public String label() {
            return date.getDayOfMonth() + " "
                    + date.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH);
        }
    }

    public record Calendar(
            boolean week,
            String title,
            LocalDate shown,
            LocalDate previous,
            LocalDate next,
            LocalDate today,
            List<List<Day>> weeks) {

        public String view() {
            return week ? "week" : "month";
        }
    }

    /** The month or week of {@code day}, with the posts on {@code account} and carrying {@code tag} when given. */
    Calendar build(
            CurrentWorkspace current,
            boolean week,
            LocalDate day,
            LocalDate today,
            herald.connections.@org.jspecify.annotations.Nullable ConnectionId account,
            @org.jspecify.annotations.Nullable String tag) {
        ZoneId zone = current.workspace().timezone();
        LocalDate first = week ? day : day.withDayOfMonth(1);
        LocalDate start = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate end = week
                ? start.plusDays(7)
                : day.with(TemporalAdjusters.lastDayOfMonth())
                        .with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY))
                        .plusDays(1);
        List<Post> shown = posts
                .list(
                        current.id(),
                        new PostQuery(
                                null,
                                account,
                                start.atStartOfDay(zone).toInstant(),
                                end.atStartOfDay(zone).toInstant(),
                                null,
                                null,
                                MOST,
                                null,
                                tag))
                .stream()
                .filter(p -> p.status() != PostStatus.CANCELLED && when(p) != null)
                .sorted(Comparator.comparing(CalendarPage::when))
                .toList();
        var repeating =
                repeats.repeating(current.id(), shown.stream().map(Post::id).toList());
        List<Placed> placed = new ArrayList<>();
        shown.forEach(p ->
                placed.add(new Placed(Objects.requireNonNull(when(p)), entry(p, zone, repeating.contains(p.id())))));
        placed.addAll(ahead(
                current,
                start.atStartOfDay(zone).toInstant(),
                end.atStartOfDay(zone).toInstant(),
                account,
                tag));
        placed.sort(Comparator.comparing(Placed::at));
        List<List<Day>> weeks = new ArrayList<>();
        for (LocalDate monday = start; monday.isBefore(end); monday = monday.plusWeeks(1)) {
            List<Day> days = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                LocalDate date = monday.plusDays(i);
                List<Entry> entries = placed.stream()
                        .filter(p -> p.at().atZone(zone).toLocalDate().equals(date))
                        .map(Placed::entry)
                        .toList();
                days.add(new Day(date, week || date.getMonth() == day.getMonth(), date.equals(today), entries));
            }
            weeks.add(days);
        }
        String title = week ? "Week of " + WEEK.format(start) : MONTH.format(first);
        return new Calendar(
                week,
                title,
                day,
                week ? start.minusWeeks(1) : first.minusMonths(1),
                week ? start.plusWeeks(1) : first.plusMonths(1),
                today,
                weeks);
    }

    private record Placed(Instant at, Entry entry) {}

    /** The occurrences repeating posts will make in the window, as their posts look now, on the filter's terms. */
    private List<Placed> ahead(
            CurrentWorkspace current,
            Instant from,
            Instant to,
            herald.connections.@org.jspecify.annotations.Nullable ConnectionId account,
            @org.jspecify.annotations.Nullable String tag) {
        List<UpcomingRepeats.Upcoming> found = upcoming.between(current.id(), from, to, MOST);
        if (found.isEmpty()) {
            return List.of();
        }
        ZoneId zone = current.workspace().timezone();
        Map<PostId, Post> sources = posts.getAll(
                current.id(),
                found.stream().map(UpcomingRepeats.Upcoming::from).distinct().toList());
        List<Placed> placed = new ArrayList<>();
        for (UpcomingRepeats.Upcoming next : found) {
            Post source = sources.get(next.from());
            if (source == null
                    || (account != null
                            && source.targets().stream()
                                    .noneMatch(t -> t.connection().equals(account)))
                    || (tag != null && source.tags().stream().noneMatch(tag::equalsIgnoreCase))) {
                continue;
            }
            placed.add(new Placed(
                    next.at(),
                    new Entry(
                            source.id().toString(),
                            HOUR.format(next.at().atZone(zone)),
                            new WorkspaceTime(zone).field(next.at()),
                            text(source),
                            "upcoming",
                            String.join(
                                    ", ",
                                    source.targets().stream()
                                            .map(CalendarPage::shown)
                                            .toList()),
                            false,
                            true,
                            source.thread().isEmpty() ? 0 : source.thread().size() + 1)));
        }
        return placed;
    }

    /** The post's words as an entry shows them: its text, else an account's own, cut to 60 characters. */
    private static String text(Post post) {
        String text = post.body().isBlank()
                ? post.targets().stream()
                        .map(Target::body)
                        .filter(Objects::nonNull)
                        .findFirst()
                        .orElse("(media only)")
                : post.body();
        return text.length() > 60 ? text.substring(0, 57) + "…" : text;
    }

    private static Entry entry(Post post, ZoneId zone, boolean repeats) {
        // A target held by a paused account says so: the post waits there until the account is resumed.
        String accounts = String.join(
                ", ",
                post.targets().stream()
                        .map(t -> shown(t) + (t.status() == TargetStatus.HELD ? " (paused)" : ""))
                        .toList());
        return new Entry(
                post.id().toString(),
                HOUR.format(Objects.requireNonNull(when(post)).atZone(zone)),
                new WorkspaceTime(zone).field(when(post)),
                text(post),
                post.status().value(),
                accounts,
                post.status().editable(),
                repeats,
                post.thread().isEmpty() ? 0 : post.thread().size() + 1);
    }

    /** An account as an entry names it, a story marked so. */
    private static String shown(Target target) {
        return target.story() ? target.account() + " (story)" : target.account();
    }

    /** When the post appears: its scheduled time, else when it was published. */
    static @org.jspecify.annotations.Nullable Instant when(Post post) {
        if (post.scheduledAt() != null) {
            return post.scheduledAt();
        }
        return post.targets().stream()
                .map(Target::publishedAt)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(post.status() == PostStatus.DRAFT ? null : post.createdAt());
    }
}
