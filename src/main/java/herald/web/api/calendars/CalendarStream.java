package herald.web.api.calendars;

import herald.content.CalendarRun;
import herald.content.CalendarRunId;
import herald.content.Calendars;
import herald.publishing.PostId;
import herald.shared.WorkspaceId;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A run's progress as Server-Sent Events, for the API and the UI: {@code progress} {done, total, message} per log line
 * (its id is the line's number, so a reconnecting EventSource resumes with {@code Last-Event-ID}), then {@code
 * succeeded} {postIds} or {@code failed} {error, status}, and the stream ends. Read from the database, not from events
 * in memory, so it follows a run that another node is executing.
 */
@Component
public class CalendarStream {

    private static final Logger log = LoggerFactory.getLogger(CalendarStream.class);
    private static final Duration POLL = Duration.ofMillis(400);
    private static final Duration LONGEST = Duration.ofMinutes(30);

    private final Calendars calendars;

    CalendarStream(Calendars calendars) {
        this.calendars = calendars;
    }

    /** @throws herald.shared.NotFound when the workspace has no such run (before anything is streamed) */
    public SseEmitter open(WorkspaceId workspace, CalendarRunId id, long afterSeq) {
        calendars.get(workspace, id);
        SseEmitter emitter = new SseEmitter(LONGEST.toMillis());
        AtomicBoolean gone = new AtomicBoolean();
        emitter.onCompletion(() -> gone.set(true));
        emitter.onTimeout(() -> gone.set(true));
        emitter.onError(e -> gone.set(true));
        Thread.ofVirtual().name("calendar-events-" + id).start(() -> pump(workspace, id, afterSeq, emitter, gone));
        return emitter;
    }

    private void pump(WorkspaceId workspace, CalendarRunId id, long afterSeq, SseEmitter emitter, AtomicBoolean gone) {
        long seq = afterSeq;
        try {
            while (!gone.get()) {
                // The run first, then its lines: a run that ended committed its last lines with its status.
                CalendarRun run = calendars.get(workspace, id);
                for (CalendarRun.Line line : calendars.log(workspace, id, seq)) {
                    var data = new LinkedHashMap<String, Object>();
                    data.put("done", line.done());
                    data.put("total", run.total());
                    data.put("message", line.message());
                    data.put("level", line.level());
                    emitter.send(SseEmitter.event()
                            .id(Long.toString(line.seq()))
                            .name("progress")
                            .data(data, MediaType.APPLICATION_JSON));
                    seq = line.seq();
                }
                if (run.status().finished()) {
                    emitter.send(end(run));
                    emitter.complete();
                    return;
                }
                Thread.sleep(POLL);
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away; nothing to tell it.
            emitter.completeWithError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.complete();
        } catch (RuntimeException e) {
            log.warn("Calendar events of run {} stopped: {}", id, e.toString());
            emitter.completeWithError(e);
        }
    }

    private static SseEmitter.SseEventBuilder end(CalendarRun run) {
        if (run.status() == CalendarRun.Status.SUCCEEDED) {
            List<String> posts = run.postIds().stream().map(PostId::toString).toList();
            return SseEmitter.event()
                    .name("succeeded")
                    .data(Map.of("postIds", posts, "month", run.month().toString()), MediaType.APPLICATION_JSON);
        }
        var data = new LinkedHashMap<String, Object>();
        data.put("error", run.error() == null ? "The run " + run.status().value() + "." : run.error());
        data.put("status", run.status().value());
        return SseEmitter.event().name("failed").data(data, MediaType.APPLICATION_JSON);
    }
}
