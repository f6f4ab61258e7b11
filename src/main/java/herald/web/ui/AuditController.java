package herald.web.ui;

import herald.audit.AuditEvent;
import herald.audit.AuditLog;
import herald.identity.ApiKey;
import herald.identity.ApiKeys;
import herald.tenancy.Member;
import herald.tenancy.Memberships;
import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The workspace's audit log (admins and owners): newest first, filtered by action, actor and days, paged by a cursor,
 * with a check of the hash chain on demand.
 */
@Controller
class AuditController {

    private final AuditLog audit;
    private final Memberships memberships;
    private final ApiKeys apiKeys;

    AuditController(AuditLog audit, Memberships memberships, ApiKeys apiKeys) {
        this.audit = audit;
        this.memberships = memberships;
        this.apiKeys = apiKeys;
    }

    @GetMapping("/w/{slug}/audit")
    String log(@ModelAttribute("filter") AuditFilter filter, HttpServletRequest request, Model model) {
        CurrentWorkspace current = Access.atLeast(request, Role.ADMIN);
        String base = "/w/" + current.workspace().slug() + "/audit";
        var errors = new FormErrors();
        var query = filter.query(new WorkspaceTime(current.workspace().timezone()), errors);
        List<AuditEvent> events = errors.any() ? List.of() : audit.find(current.id(), query);
        boolean older = events.size() > AuditFilter.PAGE;
        if (older) {
            events = events.subList(0, AuditFilter.PAGE);
        }
        List<Member> members = memberships.list(current.id());
        List<ApiKey> keys = apiKeys.list(current.id());
        model.addAttribute("section", "audit");
        model.addAttribute("filter", filter);
        model.addAttribute("events", events);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("actions", AuditPhrases.all());
        model.addAttribute("phrases", AuditPhrases.of(events));
        model.addAttribute("actors", actors(members, keys));
        model.addAttribute("names", names(current, members, keys));
        model.addAttribute(
                "olderLink", older ? filter.olderThan(base, events.getLast().sequence()) : null);
        model.addAttribute("newestLink", filter.before() != null ? filter.newest(base) : null);
        return "workspace/audit";
    }

    @GetMapping("/w/{slug}/audit/verify")
    String verify(
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            HttpServletRequest request,
            Model model) {
        CurrentWorkspace current = Access.atLeast(request, Role.ADMIN);
        model.addAttribute("verification", audit.verify(current.id()));
        if (htmx != null) {
            return "workspace/audit :: verification";
        }
        return log(new AuditFilter(null, null, null, null, null), request, model);
    }

    /** The actor filter's choices: kinds of actor, then each member and key by name. */
    private static Map<String, String> actors(List<Member> members, List<ApiKey> keys) {
        var choices = new LinkedHashMap<String, String>();
        choices.put("user", "Any person");
        choices.put("api_key", "Any API key");
        choices.put("system", "Herald (system)");
        choices.put("operator", "Operator");
        choices.put("reviewer", "Any reviewer (review links)");
        for (Member member : members) {
            choices.put(member.user().toString(), member.displayName() + " <" + member.email() + ">");
        }
        for (ApiKey key : keys) {
            choices.put(key.id().toString(), "Key: " + key.name() + " (" + key.prefix() + ")");
        }
        return choices;
    }

    /** Readable names for the ids that entries point at. */
    private static Map<String, String> names(CurrentWorkspace current, List<Member> members, List<ApiKey> keys) {
        var names = new LinkedHashMap<String, String>();
        names.put(current.id().toString(), current.workspace().name());
        members.forEach(m -> names.put(m.user().toString(), m.displayName()));
        keys.forEach(k -> names.put(k.id().toString(), k.name()));
        return names;
    }
}
