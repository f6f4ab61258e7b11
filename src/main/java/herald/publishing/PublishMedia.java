package herald.publishing;

import herald.assets.AssetId;
import herald.assets.Assets;
import herald.assets.MediaLinks;
import herald.providers.PublishRequest;
import herald.providers.SocialProvider;
import herald.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Media as a platform fetches them for one publish call, a post's or a thread part's: signed links to Herald's asset
 * library valid for {@code herald.publishing.media-link-lifetime}, an image re-encoded as JPEG for a platform that takes
 * no other. Throws {@link herald.shared.NotFound} when an asset is gone.
 */
@Component
class PublishMedia {

    private final MediaLinks links;
    private final Assets assets;
    private final PublishingSettings settings;
    private final Clock clock;

    PublishMedia(MediaLinks links, Assets assets, PublishingSettings settings, Clock clock) {
        this.links = links;
        this.assets = assets;
        this.settings = settings;
        this.clock = clock;
    }

    List<PublishRequest.Media> of(WorkspaceId workspace, List<AssetId> media, SocialProvider provider) {
        Instant expires = clock.instant().plus(settings.mediaLinkLifetime());
        return media.stream()
                .map(id -> assets.require(workspace, id))
                .map(asset -> {
                    boolean convert = provider.jpegImagesOnly()
                            && "image".equals(asset.type().kind().value())
                            && !"image/jpeg".equals(asset.contentType());
                    return new PublishRequest.Media(
                            links.signed(
                                    workspace,
                                    asset.id(),
                                    convert ? MediaLinks.Variant.JPEG : MediaLinks.Variant.ORIGINAL,
                                    expires),
                            convert ? "image/jpeg" : asset.contentType(),
                            asset.type().kind().value(),
                            asset.sizeBytes(),
                            asset.altText());
                })
                .toList();
    }
}
