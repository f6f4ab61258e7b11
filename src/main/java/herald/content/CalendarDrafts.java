package herald.content;

import herald.connections.Connection;
import herald.connections.ConnectionId;
import herald.connections.Connections;
import herald.publishing.NewPost;
import herald.shared.WorkspaceId;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Turns a calendar run's planned slots into what the job asks for and creates: the caption request for each slot (the
 * platform to write for, AI or templates, when it goes out) and the draft post for each written slot. It also names
 * post types for the run's log.
 */
@Component
class CalendarDrafts {

    /** The strictest platform first: a caption that fits it fits the others. */
    private static final List<String> STRICTEST =
            List.of("x", "bluesky", "mastodon", "instagram", "linkedin", "facebook", "sandbox");

    private final Connections connections;

    CalendarDrafts(Connections connections) {
        this.connections = connections;
    }

    CaptionRequest request(CalendarRun run, CalendarReads.StoredSlot slot, String platform, ZoneId zone) {
        // aiForAll=false: AI (when the workspace has it) only where it pays most, templates for the rest.
        String mode = run.aiForAll()
                ? "ai"
                : CalendarPlan.PROMOTIONAL.equals(slot.postType())
                                || CalendarPlan.PRODUCT_SHOWCASE.equals(slot.postType())
                        ? "auto"
                        : "template";
        String context = "Goes out on "
                + DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.ENGLISH)
                        .format(slot.local())
                + " (" + zone.getId() + ").";
        return new CaptionRequest(
                platform,
                null,
                run.personaId(),
                slot.itemName(),
                slot.itemDescription(),
                context,
                slot.postType(),
                1,
                mode,
                run.id().value());
    }

    NewPost draft(CalendarRun run, CalendarReads.StoredSlot slot, ZoneId zone) {
        List<herald.assets.AssetId> media =
                CalendarPlan.PRODUCT_SHOWCASE.equals(slot.postType()) && slot.asset() != null
                        ? List.of(slot.asset())
                        : List.of();
        return new NewPost(
                Objects.requireNonNull(slot.caption()),
                null,
                media,
                run.connections().stream()
                        .map(c -> new NewPost.NewTarget(c, null))
                        .toList(),
                slot.at().atZone(zone).toOffsetDateTime().toString(),
                zone.getId(),
                true);
    }

    String platform(WorkspaceId workspace, List<ConnectionId> chosen) {
        List<String> providers = new ArrayList<>();
        for (ConnectionId id : chosen) {
            connections.find(workspace, id).map(Connection::provider).ifPresent(providers::add);
        }
        return STRICTEST.stream()
                .filter(providers::contains)
                .findFirst()
                .orElse(providers.isEmpty() ? "sandbox" : providers.getFirst());
    }

    String summary(List<CalendarPlan.Slot> plan) {
        var counts = new java.util.TreeMap<String, Integer>();
        plan.forEach(s -> counts.merge(label(s.postType()), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((type, n) -> parts.add(n + " " + type));
        return String.join(", ", parts);
    }

    String label(String postType) {
        return postType.replace('_', ' ');
    }
}
