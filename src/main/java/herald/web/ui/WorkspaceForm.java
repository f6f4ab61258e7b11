package herald.web.ui;

import herald.tenancy.Workspace;
import herald.tenancy.Workspaces;
import org.jspecify.annotations.Nullable;

/** A workspace's editable fields as submitted by the new-workspace and settings forms. */
public record WorkspaceForm(@Nullable String name, @Nullable String timezone, @Nullable String description) {

    public WorkspaceForm {
        name = name == null ? "" : name.strip();
        timezone = timezone == null ? "" : timezone.strip();
        description = description == null ? "" : description.strip();
    }

    static WorkspaceForm of(Workspace workspace) {
        return new WorkspaceForm(workspace.name(), workspace.timezone().getId(), workspace.description());
    }

    /** The form field a domain refusal belongs to; anything else is about the form as a whole. */
    static String field(String domainField) {
        return switch (domainField) {
            case "name", "timezone", "description" -> domainField;
            default -> FormErrors.FORM;
        };
    }

    Workspaces.Details details() {
        return new Workspaces.Details(name, timezone, description);
    }
}
