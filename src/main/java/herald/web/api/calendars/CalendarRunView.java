package herald.web.api.calendars;

import herald.content.CalendarRun;
import herald.publishing.PostId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A calendar run as the API shows it; {@code log} only on its own page. */
record CalendarRunView(
        UUID id,
        String month,
        int posts,
        boolean aiForAll,
        @Nullable UUID personaId,
        List<UUID> connectionIds,
        String status,
        Progress progress,
        @Nullable String error,
        Usage usage,
        @Nullable String createdBy,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        List<UUID> postIds,
        @Nullable List<LogLine> log) {

    record Progress(int done, int total) {}

    record Usage(long promptTokens, long completionTokens, long costMicros) {}

    record LogLine(Instant at, String level, String message, @Nullable UUID postId) {}

    static CalendarRunView of(CalendarRun run, @Nullable List<CalendarRun.Line> lines) {
        return new CalendarRunView(
                run.id().value(),
                run.month().toString(),
                run.posts(),
                run.aiForAll(),
                run.personaId(),
                run.connections().stream().map(c -> c.value()).toList(),
                run.status().value(),
                new Progress(run.done(), run.total()),
                run.error(),
                new Usage(
                        run.usage().promptTokens(),
                        run.usage().completionTokens(),
                        run.usage().costMicros()),
                run.createdBy(),
                run.createdAt(),
                run.startedAt(),
                run.finishedAt(),
                run.postIds().stream().map(PostId::value).toList(),
                lines == null
                        ? null
                        : lines.stream()
                                .map(l -> new LogLine(
                                        l.at(),
                                        l.level(),
                                        l.message(),
                                        l.postId() == null ? null : l.postId().value()))
                                .toList());
    }
}
