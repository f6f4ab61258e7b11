package herald.web.api.analytics;

import herald.analytics.AudienceReport;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Each account's audience over a period, as the workspace API answers it. */
@Schema(name = "Audience")
record AudienceView(LocalDate from, LocalDate to, @Nullable UUID connectionId, List<Account> accounts) {

    @Schema(name = "AudienceAccount")
    record Account(
            UUID connectionId,
            String provider,
            String account,
            @Schema(description = "Whether the platform gives Herald an account's followers (LinkedIn does not)")
                    boolean counted,
            @Schema(description = "The latest follower count read, whenever it was; null before the first") @Nullable
                    Long followers,
            @Schema(description = "Whom the account follows; null where the platform does not say") @Nullable
                    Long following,
            @Schema(description = "Its posts in all; null where the platform does not say") @Nullable Long posts,
            @Nullable Instant readAt,
            @Schema(
                            description =
                                    "Followers gained (negative: lost) over the period; null with fewer than two snapshots")
                    @Nullable
                    Long change,
            @Schema(description = "The period's daily snapshots, oldest first, by the UTC day they were taken")
                    List<AudienceReport.Day> days,
            @Schema(description = "Why figures are missing or stopped; null when all is well") @Nullable
                    String problem) {}

    static AudienceView of(AudienceReport report) {
        return new AudienceView(
                report.query().from(),
                report.query().to(),
                report.query().connection() == null
                        ? null
                        : report.query().connection().value(),
                report.accounts().stream()
                        .map(a -> new Account(
                                a.connection().value(),
                                a.provider(),
                                a.account(),
                                a.counted(),
                                a.followers(),
                                a.following(),
                                a.posts(),
                                a.readAt(),
                                a.change(),
                                a.days(),
                                a.problem()))
                        .toList());
    }
}
