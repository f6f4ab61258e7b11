package herald.web.api.workspaces;

import herald.publishing.LinkTaggingSetting;
import io.swagger.v3.oas.annotations.media.Schema;

/** The workspace's link tagging (docs/link-tagging.md). */
@Schema(name = "LinkTagging")
record LinkTaggingView(
        @Schema(description = "Whether new posts tag their links unless they say otherwise (tagLinks).")
                boolean enabled,
        @Schema(example = "{platform}") String utmSource,
        @Schema(example = "social") String utmMedium,
        @Schema(description = "Empty: left out of the link.", example = "{date}") String utmCampaign,
        @Schema(description = "Empty: left out of the link.") String utmContent,
        @Schema(description = "Empty: left out of the link.") String utmTerm) {

    static LinkTaggingView of(LinkTaggingSetting setting) {
        var values = setting.values();
        return new LinkTaggingView(
                setting.enabled(),
                values.source(),
                values.medium(),
                values.campaign(),
                values.content(),
                values.term());
    }
}
