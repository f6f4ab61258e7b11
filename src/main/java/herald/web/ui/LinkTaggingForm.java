package herald.web.ui;

import herald.publishing.LinkTaggingSetting;
import herald.publishing.UtmValues;
import org.jspecify.annotations.Nullable;

/** The link tagging section of the workspace settings, as submitted (an unticked box sends no {@code enabled}). */
public record LinkTaggingForm(
        @Nullable Boolean enabled,
        @Nullable String utmSource,
        @Nullable String utmMedium,
        @Nullable String utmCampaign,
        @Nullable String utmContent,
        @Nullable String utmTerm) {

    public LinkTaggingForm {
        enabled = Boolean.TRUE.equals(enabled);
        utmSource = utmSource == null ? "" : utmSource.strip();
        utmMedium = utmMedium == null ? "" : utmMedium.strip();
        utmCampaign = utmCampaign == null ? "" : utmCampaign.strip();
        utmContent = utmContent == null ? "" : utmContent.strip();
        utmTerm = utmTerm == null ? "" : utmTerm.strip();
    }

    static LinkTaggingForm of(LinkTaggingSetting setting) {
        UtmValues values = setting.values();
        return new LinkTaggingForm(
                setting.enabled(),
                values.source(),
                values.medium(),
                values.campaign(),
                values.content(),
                values.term());
    }

    LinkTaggingSetting setting() {
        return new LinkTaggingSetting(enabled, new UtmValues(utmSource, utmMedium, utmCampaign, utmContent, utmTerm));
    }
}
