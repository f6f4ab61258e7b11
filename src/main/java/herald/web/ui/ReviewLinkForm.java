package herald.web.ui;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The new-review-link form: a label, the first and last day shown ({@code yyyy-MM-dd}, in the workspace's zone), the
 * accounts ticked (none: all), a tag, whether the reviewer may approve, and for how many days the link works.
 */
public record ReviewLinkForm(
        @Nullable String label,
        @Nullable String from,
        @Nullable String to,
        @Nullable List<String> accounts,
        @Nullable String tag,
        @Nullable Boolean mayApprove,
        @Nullable String expiresInDays) {

    public ReviewLinkForm {
        label = label == null ? "" : label.strip();
        from = from == null ? "" : from.strip();
        to = to == null ? "" : to.strip();
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        tag = tag == null ? "" : tag.strip();
        mayApprove = Boolean.TRUE.equals(mayApprove);
        expiresInDays = expiresInDays == null || expiresInDays.isBlank() ? "14" : expiresInDays.strip();
    }

    static ReviewLinkForm blank(String today, String inFourWeeks) {
        return new ReviewLinkForm("", today, inFourWeeks, List.of(), "", false, "14");
    }

    public boolean approving() {
        return Boolean.TRUE.equals(mayApprove);
    }

    public boolean has(String account) {
        return accounts.contains(account);
    }
}
