package herald.web.api.calendars;

import herald.content.CalendarRun;
import herald.content.CalendarRunId;
import herald.content.Calendars;
import herald.identity.ApiKeyScope;
import herald.web.CurrentWorkspace;
import herald.web.api.ApiPaths;
import herald.web.api.scopes.RequiredScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@RequestMapping(ApiPaths.WORKSPACE + "/calendars")
@Tag(
        name = "Calendars",
        description = "Monthly content calendars: a month of drafts (a mix of post types at sensible local times, about"
                + " the workspace's assets) generated in the background, with progress as Server-Sent Events. Every"
                + " caption is written before any draft is created; a failed run leaves no draft.")
class CalendarRunController {

    private final Calendars calendars;
    private final CalendarStream stream;

    CalendarRunController(Calendars calendars, CalendarStream stream) {
        this.calendars = calendars;
        this.stream = stream;
    }

    @PostMapping
    @Operation(
            operationId = "startCalendarRun",
            summary = "Generate a month of drafts",
            description = "202 with the queued run and its Location; follow it with GET .../events. The month is the"
                    + " workspace's (its days after today when it is the current month; 400 when too few remain for the"
                    + " posts at the configured posting hours). 400 for posts outside 5–31, an unknown persona,"
                    + " accounts the workspace does not have or that are not connected, or aiForAll without AI. 409"
                    + " while another run of the workspace is queued or running (the problem names it).")
    ResponseEntity<CalendarRunView> start(
            CurrentWorkspace current, @Valid @RequestBody CalendarRequests.Start request, HttpServletRequest http) {
        CalendarRun run = calendars.start(current.id(), request.toCalendar());
        return ResponseEntity.accepted()
                .location(URI.create(http.getRequestURI() + "/" + run.id()))
                .body(CalendarRunView.of(run, null));
    }

    @GetMapping
    @Operation(operationId = "listCalendarRuns", summary = "Recent calendar runs", description = "Newest first.")
    List<CalendarRunView> list(CurrentWorkspace current, @RequestParam(defaultValue = "20") int limit) {
        return calendars.recent(current.id(), limit).stream()
                .map(run -> CalendarRunView.of(run, null))
                .toList();
    }

    @GetMapping("/{runId}")
    @Operation(
            operationId = "getCalendarRun",
            summary = "A calendar run",
            description = "Its status (queued, running, succeeded, failed, cancelled), progress, error, AI usage, log,"
                    + " and the drafts' post ids once it succeeded.")
    CalendarRunView get(CurrentWorkspace current, @PathVariable UUID runId) {
        CalendarRunId id = new CalendarRunId(runId);
        return CalendarRunView.of(calendars.get(current.id(), id), calendars.log(current.id(), id, 0));
    }

    @GetMapping(value = "/{runId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @RequiredScope(ApiKeyScope.READ)
    @Operation(
            operationId = "calendarRunEvents",
            summary = "A calendar run's progress as Server-Sent Events",
            description = "'progress' {done,total,message} for each log line (id: the line's number; Last-Event-ID"
                    + " resumes after it), then 'succeeded' {postIds} or 'failed' {error,status}, and the stream ends."
                    + " Works whichever node runs the job.")
    SseEmitter events(
            CurrentWorkspace current,
            @PathVariable UUID runId,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId) {
        return stream.open(current.id(), new CalendarRunId(runId), after(lastEventId));
    }

    @PostMapping("/{runId}/cancel")
    @Operation(
            operationId = "cancelCalendarRun",
            summary = "Cancel a calendar run",
            description = "It stops before its next caption and creates no draft. 409 once it has finished.")
    CalendarRunView cancel(CurrentWorkspace current, @PathVariable UUID runId) {
        CalendarRunId id = new CalendarRunId(runId);
        return CalendarRunView.of(calendars.cancel(current.id(), id), calendars.log(current.id(), id, 0));
    }

    private static long after(@Nullable String lastEventId) {
        if (lastEventId == null) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(lastEventId.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
