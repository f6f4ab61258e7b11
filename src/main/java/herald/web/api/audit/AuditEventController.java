package herald.web.api.audit;

import herald.audit.AuditLog;
import herald.audit.AuditQuery;
import herald.identity.ApiKeyScope;
import herald.shared.InvalidInput;
import herald.web.CurrentWorkspace;
import herald.web.api.ApiPaths;
import herald.web.api.paging.Page;
import herald.web.api.paging.PageRequest;
import herald.web.api.scopes.RequiredScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(ApiPaths.WORKSPACE + "/audit-events")
@RequiredScope(ApiKeyScope.ADMIN)
@Tag(name = "Audit log", description = "The workspace's append-only, hash-chained record of who did what.")
class AuditEventController {

    private static final String LISTING = "audit-events";

    private final AuditLog audit;

    AuditEventController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping
    @Operation(
            operationId = "listAuditEvents",
            summary = "List audit events",
            description = "Newest first, filtered by action, actor and time.")
    Page<AuditEventView> list(CurrentWorkspace current, @Valid AuditFilter filter, @Valid PageRequest page) {
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw new InvalidInput("to", "'to' must be later than 'from'.");
        }
        Long before = page.after(LISTING, 1, p -> Long.parseLong(p.getFirst()));
        var query = new AuditQuery(
                blankToNull(filter.action()),
                blankToNull(filter.actor()),
                filter.from(),
                filter.to(),
                before,
                page.fetchSize());
        return page.page(
                audit.find(current.id(), query),
                AuditEventView::of,
                LISTING,
                event -> List.of(Long.toString(event.sequence())));
    }

    @GetMapping("/verify")
    @Operation(
            operationId = "verifyAuditChain",
            summary = "Verify the audit chain",
            description = "Walks the whole chain from its first entry. valid is false when any entry was edited,"
                    + " deleted, inserted or reordered; firstBroken then names the first entry that does not hold.")
    VerificationView verify(CurrentWorkspace current) {
        return VerificationView.of(audit.verify(current.id()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
