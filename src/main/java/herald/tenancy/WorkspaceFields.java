package herald.tenancy;

import herald.shared.InvalidInput;
import java.text.Normalizer;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/** A workspace's fields as people type them: checked, turned into a slug, and compared for the audit log. */
final class WorkspaceFields {

    private static final int MAX_DESCRIPTION = 2000;

    private WorkspaceFields() {}

    /** @return the zone the fields name; @throws InvalidInput naming the first field that is wrong */
    static ZoneId check(Workspaces.Details details) {
        validName(details.name());
        ZoneId zone = zone(details.timezone());
        validDescription(details.description());
        return zone;
    }

    static String slugify(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "workspace" : slug;
    }

    private static void validName(String name) {
        if (name.isBlank() || name.strip().length() > 100) {
            throw new InvalidInput("name", "Give the workspace a name of 1 to 100 characters.");
        }
    }

    private static void validDescription(String description) {
        if (description.length() > MAX_DESCRIPTION) {
            throw new InvalidInput("description", "Keep the description under " + MAX_DESCRIPTION + " characters.");
        }
    }

    static ZoneId zone(String timezone) {
        if (timezone.isBlank() || !ZoneId.getAvailableZoneIds().contains(timezone.strip())) {
            throw new InvalidInput(
                    "timezone", "Unknown timezone '" + timezone + "'. Use an IANA name like Europe/Berlin.");
        }
        return ZoneId.of(timezone.strip());
    }

    static Map<String, String> changes(Workspace before, Workspace after) {
        var changes = new java.util.TreeMap<String, String>();
        if (!before.name().equals(after.name())) {
            changes.put("name", after.name());
        }
        if (!before.timezone().equals(after.timezone())) {
            changes.put("timezone", after.timezone().getId());
        }
        if (!before.description().equals(after.description())) {
            changes.put("description", "changed");
        }
        return changes;
    }
}
