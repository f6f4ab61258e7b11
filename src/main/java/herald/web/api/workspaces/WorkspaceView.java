package herald.web.api.workspaces;

import herald.publishing.LinkTaggingSetting;
import herald.tenancy.PlanLimits;
import herald.tenancy.Workspace;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A workspace with its plan's limits and its use of them. */
record WorkspaceView(
        UUID id,
        String name,
        String slug,
        String plan,
        String timezone,
        String description,
        Instant createdAt,
        @Schema(description = "What the plan allows.") WorkspaceLimits limits,
        @Schema(description = "What the workspace uses of it.") WorkspaceUsage usage,
        @Schema(description = "Whether and how its posts' links get UTM parameters.") LinkTaggingView linkTagging,
        @Schema(
                        description = "Whether posts by editors, and by API keys without the admin scope, wait for an"
                                + " owner's or admin's approval before they are published.")
                boolean approvalRequired,
        @Schema(
                        description = "Whether posts created from now on publish their links as short links on"
                                + " Herald's address that count clicks (docs/short-links.md).")
                boolean shortenLinks,
        @Schema(
                        description = "Whether its link-in-bio page is up: its recent published posts with a link,"
                                + " public at bioPageUrl (docs/bio-page.md).")
                boolean bioPage,
        @Schema(description = "Where its link-in-bio page is, up or not.") String bioPageUrl,
        @Schema(description = "The words at the top of its link-in-bio page; null for none.", nullable = true) @Nullable
                String bioPageText,
        @Schema(
                        description = "At most one share of an evergreen post every so many days; null: the queue is"
                                + " not refilled from the evergreen library.",
                        nullable = true)
                @Nullable
                Integer evergreenEveryDays,
        @Schema(
                        description = "The language its posts are written in (BCP 47), told to Bluesky and Mastodon;"
                                + " null: not set.",
                        nullable = true,
                        example = "en")
                @Nullable
                String postLanguage) {

    record WorkspaceLimits(
            int members,
            int connections,
            int postsPerDay,
            int apiRequestsPerHour,
            long aiTokensPerMonth,
            long storageMb) {}

    record WorkspaceUsage(int members) {}

    static WorkspaceView of(
            Workspace workspace,
            PlanLimits limits,
            int members,
            LinkTaggingSetting linkTagging,
            boolean approvalRequired,
            boolean shortenLinks,
            boolean bioPage,
            String bioPageUrl,
            @Nullable String bioPageText,
            @Nullable Integer evergreenEveryDays,
            @Nullable String postLanguage) {
        return new WorkspaceView(
                workspace.id().value(),
                workspace.name(),
                workspace.slug(),
                workspace.plan(),
                workspace.timezone().getId(),
                workspace.description(),
                workspace.createdAt(),
                new WorkspaceLimits(
                        limits.members(),
                        limits.connections(),
                        limits.postsPerDay(),
                        limits.apiRequestsPerHour(),
                        limits.aiTokensPerMonth(),
                        limits.storageMb()),
                new WorkspaceUsage(members),
                LinkTaggingView.of(linkTagging),
                approvalRequired,
                shortenLinks,
                bioPage,
                bioPageUrl,
                bioPageText,
                evergreenEveryDays,
                postLanguage);
    }
}
