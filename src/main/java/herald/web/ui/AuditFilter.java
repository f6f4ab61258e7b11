package herald.web.ui;

import herald.audit.AuditQuery;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit page's filters as they appear in its URL. Dates are whole days in the workspace's timezone; {@code to} is
 * inclusive.
 */
public record AuditFilter(
        @Nullable String action,
        @Nullable String actor,
        @Nullable String from,
        @Nullable String to,
        @Nullable Long before) {

    static final int PAGE = 50;

    public AuditFilter {
        action = blankToNull(action);
        actor = blankToNull(actor);
        from = blankToNull(from);
        to = blankToNull(to);
    }

    /** The query for one page, one entry more than shown, to tell whether there is an older page. */
    AuditQuery query(WorkspaceTime time, FormErrors errors) {
        LocalDate fromDate = date(from, "from", errors);
        LocalDate toDate = date(to, "to", errors);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            errors.add("to", "The end date comes before the start date.");
        }
        return new AuditQuery(
                action,
                actor,
                fromDate == null ? null : time.startOf(fromDate),
                toDate == null ? null : time.startOf(toDate.plusDays(1)),
                before,
                PAGE + 1);
    }

    public boolean any() {
        return action != null || actor != null || from != null || to != null;
    }

    /** The page's URL with the same filters, continuing below {@code sequence}. */
    String olderThan(String base, long sequence) {
        return filtered(base).queryParam("before", sequence).build().encode().toUriString();
    }

    /** The first page with the same filters. */
    String newest(String base) {
        return filtered(base).build().encode().toUriString();
    }

    private UriComponentsBuilder filtered(String base) {
        var uri = UriComponentsBuilder.fromPath(base);
        if (action != null) {
            uri.queryParam("action", action);
        }
        if (actor != null) {
            uri.queryParam("actor", actor);
        }
        if (from != null) {
            uri.queryParam("from", from);
        }
        if (to != null) {
            uri.queryParam("to", to);
        }
        return uri;
    }

    private static @Nullable LocalDate date(@Nullable String value, String field, FormErrors errors) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(field, "Enter a date like 2026-11-24.");
            return null;
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
