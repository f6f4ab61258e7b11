package herald.web.api.calendars;

import herald.connections.ConnectionId;
import herald.content.NewCalendar;
import herald.shared.InvalidInput;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The request bodies of the calendars API. */
final class CalendarRequests {

    private CalendarRequests() {}

    @Schema(name = "NewCalendarRun")
    record Start(
            @Schema(
                            description =
                                    "The month in the workspace's time zone, such as 2026-12: this month (its days after"
                                            + " today) or a later one.")
                    @Nullable
                    String month,
            @Schema(description = "How many posts, 5–31.") @Nullable Integer posts,
            @Schema(
                            description =
                                    "AI writes every caption (the run fails when AI does). false: AI (when available)"
                                            + " writes the promotional and product showcase posts, templates the rest.")
                    @Nullable
                    Boolean aiForAll,
            @Schema(description = "The persona (brand voice); the workspace's default when absent.", nullable = true)
                    @Nullable
                    UUID personaId,
            @Schema(description = "The connected accounts the drafts are for.") @Nullable @Size(max = 50)
                    List<UUID> connectionIds) {

        NewCalendar toCalendar() {
            if (posts == null) {
                throw new InvalidInput("posts", "posts is required: how many posts, 5–31.");
            }
            return new NewCalendar(
                    month,
                    posts,
                    aiForAll == null || aiForAll,
                    personaId,
                    connectionIds == null
                            ? List.of()
                            : connectionIds.stream().map(ConnectionId::new).toList());
        }
    }
}
