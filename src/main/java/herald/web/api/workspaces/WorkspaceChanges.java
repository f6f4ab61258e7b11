package herald.web.api.workspaces;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A partial change of a workspace's settings: fields left out keep their value. */
record WorkspaceChanges(
        @Schema(description = "1 to 100 characters. The slug does not change.", nullable = true) @Nullable String name,
        @Schema(description = "IANA timezone.", example = "America/New_York", nullable = true) @Nullable
                String timezone,
        @Schema(description = "Up to 2000 characters of context for AI features.", nullable = true) @Nullable
                String description,
        @Schema(description = "The link tagging (UTM parameters) of its posts' links.", nullable = true) @Nullable
                LinkTaggingChanges linkTagging,
        @Schema(
                        description = "Whether posts by editors, and by API keys without the admin scope, wait for"
                                + " an owner's or admin's approval before they are published (docs/approvals.md).",
                        nullable = true)
                @Nullable
                Boolean approvalRequired,
        @Schema(
                        description = "Whether posts created from now on publish their links as short links that"
                                + " count clicks (docs/short-links.md).",
                        nullable = true)
                @Nullable
                Boolean shortenLinks,
        @Schema(
                        description = "Whether its link-in-bio page is up at <public-url>/bio/<slug>"
                                + " (docs/bio-page.md).",
                        nullable = true)
                @Nullable
                Boolean bioPage,
        @Schema(
                        description = "A few words at the top of the link-in-bio page, under the workspace's name (at"
                                + " most 300 characters); \"\" removes them.",
                        nullable = true)
                @Nullable
                String bioPageText,
        @Schema(
                        description = "Refill the queue from the evergreen library with at most one share of a post"
                                + " every so many days (1-365); 0 stops refilling (docs/evergreen.md).",
                        nullable = true)
                @Nullable
                Integer evergreenEveryDays,
        @Schema(
                        description = "The language its posts are written in, a BCP 47 tag such as en, de or pt-BR,"
                                + " told to Bluesky and Mastodon; \"\" removes it.",
                        nullable = true,
                        example = "en")
                @Nullable
                String postLanguage) {

    boolean isEmpty() {
        return name == null
                && timezone == null
                && description == null
                && linkTagging == null
                && approvalRequired == null
                && shortenLinks == null
                && bioPage == null
                && bioPageText == null
                && evergreenEveryDays == null
                && postLanguage == null;
    }

    boolean changesDetails() {
        return name != null || timezone != null || description != null;
    }
}
