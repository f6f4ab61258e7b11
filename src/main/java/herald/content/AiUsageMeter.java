package herald.content;

import herald.database.TenantScope;
import herald.shared.InvalidInput;
import herald.shared.LimitReached;
import herald.shared.WorkspaceId;
import herald.tenancy.Plans;
import herald.tenancy.Workspace;
import herald.tenancy.Workspaces;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * AI tokens per workspace and calendar month of the workspace's own time zone, against the plan's {@code
 * aiTokensPerMonth}.
 *
 * <p>Concurrency: a call is allowed while the month's recorded tokens are below the limit, and its tokens are added
 * afterwards with an atomic in-place increment (never read-modify-write). Calls already past the check when the limit
 * is crossed still complete and are counted, so a month can overshoot by at most the tokens of the calls in flight —
 * each bounded by its prompt and its {@code max_completion_tokens}. Holding a lock across the model call would remove
 * that overshoot at the price of serialising every workspace's calls for seconds; reserving tokens up front would
 * refuse calls that fit. A new month starts at zero because its row does not exist yet.
 */
@Service
public class AiUsageMeter {

    static final int MAX_MONTHS = 24;

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final Workspaces workspaces;
    private final Plans plans;
    private final Clock clock;

    AiUsageMeter(JdbcClient jdbc, TenantScope tenants, Workspaces workspaces, Plans plans, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.workspaces = workspaces;
        this.plans = plans;
        this.clock = clock;
    }

    /** The current month and the {@code months - 1} before it, oldest first; months without calls count zero. */
    public List<AiMonthUsage> months(WorkspaceId workspace, int months) {
        if (months < 1 || months > MAX_MONTHS) {
            throw new InvalidInput("months", "Ask for 1 to " + MAX_MONTHS + " months.");
        }
        Workspace ws = workspaces.require(workspace);
        long limit = limit(ws);
        YearMonth current = month(ws);
        YearMonth first = current.minusMonths(months - 1);
        var stored = new HashMap<YearMonth, AiMonthUsage>();
        tenants.run(workspace, () -> jdbc.sql(
                        """
                        select month, prompt_tokens, completion_tokens, cost_micros, generations, failures
                        from ai_usage where workspace_id = :workspace and month between :first and :last""")
                .param("workspace", workspace.value())
                .param("first", first.atDay(1))
                .param("last", current.atDay(1))
                .query((rs, n) -> new AiMonthUsage(
                        YearMonth.from(rs.getObject("month", LocalDate.class)),
                        rs.getLong("prompt_tokens"),
                        rs.getLong("completion_tokens"),
                        rs.getLong("cost_micros"),
                        rs.getInt("generations"),
                        rs.getInt("failures"),
                        limit))
                .list()
                .forEach(usage -> stored.put(usage.month(), usage)));
        var all = new ArrayList<AiMonthUsage>();
        for (YearMonth month = first; !month.isAfter(current); month = month.plusMonths(1)) {
            all.add(stored.getOrDefault(month, new AiMonthUsage(month, 0, 0, 0, 0, 0, limit)));
        }
        return all;
    }

    /** This month's usage. */
    public AiMonthUsage current(WorkspaceId workspace) {
        return months(workspace, 1).getFirst();
    }

    /**
     * Refuses a call when the month's tokens are used up.
     *
     * @return the month the call counts in (its first day)
     * @throws LimitReached naming the month, the figures and the plan
     */
    LocalDate allow(WorkspaceId workspace) {
        Workspace ws = workspaces.require(workspace);
        AiMonthUsage usage = current(workspace);
        if (usage.usedUp()) {
            var number = NumberFormat.getIntegerInstance(Locale.ENGLISH);
            throw new LimitReached(
                    "aiTokensPerMonth",
                    "AI tokens for " + usage.month().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + ": "
                            + number.format(usage.tokens()) + " of " + number.format(usage.limit())
                            + " used on the " + ws.plan() + " plan; template mode still works.");
        }
        return usage.month().atDay(1);
    }

    /** The calendar month it is now in the workspace's time zone. */
    YearMonth month(Workspace workspace) {
        return YearMonth.from(clock.instant().atZone(workspace.timezone()));
    }

    private long limit(Workspace workspace) {
        return plans.get(workspace.plan()).limits().aiTokensPerMonth();
    }
}
