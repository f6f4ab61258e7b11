package herald.web.api.workspaces;

import herald.publishing.LinkTaggingSetting;
import herald.publishing.UtmValues;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A partial change of the workspace's link tagging: fields left out keep their value. */
@Schema(name = "LinkTaggingChanges")
record LinkTaggingChanges(
        @Schema(description = "Whether new posts tag their links unless they say otherwise.", nullable = true) @Nullable
                Boolean enabled,
        @Schema(
                        description = "Required, up to 100 characters: letters, digits, spaces, - _ . ~ + / | and the"
                                + " placeholders {platform}, {account}, {date} (yyyy-MM-dd in the workspace's zone)"
                                + " and {post} (the post's short id). The same rules hold for every value.",
                        example = "{platform}",
                        nullable = true)
                @Nullable
                String utmSource,
        @Schema(description = "Required.", example = "social", nullable = true) @Nullable String utmMedium,
        @Schema(description = "Empty: left out of the link.", example = "spring-{date}", nullable = true) @Nullable
                String utmCampaign,
        @Schema(description = "Empty: left out of the link.", nullable = true) @Nullable String utmContent,
        @Schema(description = "Empty: left out of the link.", nullable = true) @Nullable String utmTerm) {

    /** {@code current} with these changes. */
    LinkTaggingSetting applyTo(LinkTaggingSetting current) {
        UtmValues values = current.values();
        return new LinkTaggingSetting(
                enabled == null ? current.enabled() : enabled,
                new UtmValues(
                        utmSource == null ? values.source() : utmSource,
                        utmMedium == null ? values.medium() : utmMedium,
                        utmCampaign == null ? values.campaign() : utmCampaign,
                        utmContent == null ? values.content() : utmContent,
                        utmTerm == null ? values.term() : utmTerm));
    }
}
