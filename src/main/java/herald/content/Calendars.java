package herald.content;

import herald.audit.AuditLog;
import herald.connections.Connection;
import herald.connections.ConnectionId;
import herald.connections.Connections;
import herald.database.TenantScope;
import herald.publishing.Provenance;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.shared.NotFound;
import herald.shared.WorkspaceId;
import herald.tenancy.Workspace;
import herald.tenancy.Workspaces;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Monthly content calendars: a member asks for a month of posts, a background job (any node, see {@link CalendarJob})
 * plans them, writes every caption and only then creates all the drafts at once, so a failed run leaves no draft. One
 * run per workspace at a time. See docs/content/calendars.md.
 */
@Component
public class Calendars {

    private final CalendarRows rows;
    private final CalendarReads reads;
    private final TenantScope tenants;
    private final Workspaces workspaces;
    private final Connections connections;
    private final AiWriter ai;
    private final Personas personas;
    private final CalendarSettings settings;
    private final CalendarDispatch dispatch;
    private final AuditLog audit;
    private final Clock clock;

    Calendars(
            CalendarRows rows,
            CalendarReads reads,
            TenantScope tenants,
            Workspaces workspaces,
            Connections connections,
            AiWriter ai,
            Personas personas,
            CalendarSettings settings,
            CalendarDispatch dispatch,
            AuditLog audit,
            Clock clock) {
        this.rows = rows;
        this.reads = reads;
        this.tenants = tenants;
        this.workspaces = workspaces;
        this.connections = connections;
        this.ai = ai;
        this.personas = personas;
        this.settings = settings;
        this.dispatch = dispatch;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Queues a run in the name of whoever is acting; its job starts at once on whichever node polls it first.
     *
     * @throws InvalidInput for a malformed or past month, one with too few days left, a count outside 5–31, an
     *     unknown persona, accounts the workspace does not have or that are not connected, or AI for all posts when
     *     the workspace has no AI (nothing is created)
     * @throws Conflict when the workspace has a run queued or running, naming it
     */
    public CalendarRun start(WorkspaceId workspace, NewCalendar request) {
        Workspace place = workspaces.require(workspace);
        CalendarPlan.checkCount(request.posts());
        YearMonth month = CalendarPlan.month(request.month());
        LocalDate today = LocalDate.ofInstant(clock.instant(), place.timezone());
        CalendarPlan.days(month, today, request.posts(), settings.postingHours().size());
        checkAccounts(workspace, request.connections());
        if (request.personaId() != null && !personaExists(workspace, request.personaId())) {
            throw new InvalidInput("personaId", "This workspace has no persona " + request.personaId() + ".");
        }
        if (request.aiForAll()) {
            AiAvailability availability = ai.availability(workspace);
            if (!availability.available()) {
                throw new InvalidInput(
                        "aiForAll",
                        "AI cannot write every post: " + availability.reason()
                                + " Turn 'AI for all' off to use templates (and AI where it is available).");
            }
        }
        CalendarRunId id = CalendarRunId.random();
        Instant now = clock.instant();
        Provenance by = Provenance.ofCurrentActor();
        try {
            tenants.run(workspace, () -> {
                reads.active(workspace).ifPresent(running -> {
                    throw busy(workspace, running);
                });
                rows.insert(workspace, id, month, request, by, now);
                rows.log(
                        workspace,
                        id,
                        "info",
                        "Queued by " + (by.actorLabel() == null ? by.actorType() : by.actorLabel()) + ": "
                                + request.posts() + " posts for " + month + ", "
                                + (request.aiForAll() ? "AI for every post." : "AI for some, templates for the rest."),
                        null,
                        now);
            });
        } catch (DuplicateKeyException raced) {
            // Another request queued one between the check and the insert: the partial unique index said no.
            throw busy(
                    workspace,
                    tenants.call(workspace, () -> reads.active(workspace)).orElse(id));
        }
        audit.record(
                workspace,
                "calendar.requested",
                "calendar_run",
                id.toString(),
                Map.of("month", month.toString(), "posts", "" + request.posts(), "aiForAll", "" + request.aiForAll()));
        dispatch.schedule(workspace, id, now);
        return get(workspace, id);
    }

    /** The newest runs first. */
    public List<CalendarRun> recent(WorkspaceId workspace, int limit) {
        return tenants.call(workspace, () -> reads.recent(workspace, Math.clamp(limit, 1, 100)));
    }

    /** @throws NotFound when the workspace has no such run */
    public CalendarRun get(WorkspaceId workspace, CalendarRunId id) {
        return find(workspace, id).orElseThrow(() -> notFound(id));
    }

    public Optional<CalendarRun> find(WorkspaceId workspace, CalendarRunId id) {
        return tenants.call(workspace, () -> reads.find(workspace, id));
    }

    /** The run's log lines after {@code afterSeq} (0 for all), in order. @throws NotFound for another's run */
    public List<CalendarRun.Line> log(WorkspaceId workspace, CalendarRunId id, long afterSeq) {
        return tenants.call(workspace, () -> {
            reads.find(workspace, id).orElseThrow(() -> notFound(id));
            return reads.lines(workspace, id, afterSeq);
        });
    }

    /**
     * Stops a queued or running run: its job stops before the next caption, and no draft is created.
     *
     * @throws Conflict when it has finished
     */
    public CalendarRun cancel(WorkspaceId workspace, CalendarRunId id) {
        Instant now = clock.instant();
        tenants.run(workspace, () -> {
            var standing = rows.lock(workspace, id).orElseThrow(() -> notFound(id));
            if (standing.status().finished()) {
                throw new Conflict(
                        "status", "The run has " + standing.status().value() + "; there is nothing to cancel.");
            }
            rows.finish(
                    workspace,
                    id,
                    CalendarRun.Status.CANCELLED,
                    "Cancelled before its drafts were created.",
                    List.of(),
                    now);
            rows.log(workspace, id, "warn", "Cancelled; no draft was created.", null, now);
        });
        audit.record(workspace, "calendar.cancelled", "calendar_run", id.toString(), Map.of());
        return get(workspace, id);
    }

    private void checkAccounts(WorkspaceId workspace, List<ConnectionId> wanted) {
        if (wanted.isEmpty()) {
            throw new InvalidInput("connectionIds", "Choose at least one connected account for the drafts.");
        }
        var seen = new HashSet<ConnectionId>();
        for (int i = 0; i < wanted.size(); i++) {
            ConnectionId id = wanted.get(i);
            String field = "connectionIds[" + i + "]";
            if (!seen.add(id)) {
                throw new InvalidInput(field, "The account " + id.value() + " is chosen twice.");
            }
            Connection account = connections
                    .find(workspace, id)
                    .orElseThrow(() -> new InvalidInput(field, "This workspace has no connection " + id.value() + "."));
            if (!account.active()) {
                throw new InvalidInput(
                        field,
                        "@" + account.username() + " is "
                                + account.status().name().toLowerCase().replace('_', ' ')
                                + "; reconnect it or choose another account.");
            }
        }
    }

    private boolean personaExists(WorkspaceId workspace, UUID persona) {
        return personas.find(workspace, new PersonaId(persona)).isPresent();
    }

    private static Conflict busy(WorkspaceId workspace, CalendarRunId running) {
        return new Conflict(
                "month",
                "This workspace already has a calendar run going: " + running
                        + ". Wait for it to finish, or cancel it, before starting another.");
    }

    static NotFound notFound(CalendarRunId id) {
        return new NotFound("This workspace has no calendar run " + id + ".");
    }
}
