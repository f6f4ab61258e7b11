package herald.web.api.links;

import herald.identity.ApiKeyScope;
import herald.links.LinkCard;
import herald.links.LinkCards;
import herald.shared.InvalidInput;
import herald.web.CurrentWorkspace;
import herald.web.api.ApiPaths;
import herald.web.api.scopes.RequiredScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.net.URISyntaxException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(ApiPaths.WORKSPACE + "/link-cards")
@Tag(
        name = "Link cards",
        description = "What a link's page says about itself, as the composer previews it and Bluesky's and LinkedIn's"
                + " cards carry it (docs/link-cards.md).")
class LinkCardApiController {

    private final LinkCards cards;

    LinkCardApiController(LinkCards cards) {
        this.cards = cards;
    }

    @Schema(name = "LinkCard", description = "A link's card; each part null where its page names none.")
    record LinkCardView(
            @Schema(example = "https://krusty.example/menu") String url,
            @Nullable @Schema(example = "Today's menu at Krusty's") String title,
            @Nullable String description,
            @Nullable @Schema(description = "The page's own image (og:image), an absolute http(s) address.")
                    String image,
            @Nullable @Schema(example = "Krusty Pizza") String siteName) {

        static LinkCardView of(LinkCard card) {
            return new LinkCardView(
                    card.url().toString(),
                    card.title(),
                    card.description(),
                    card.image() == null ? null : card.image().toString(),
                    card.siteName());
        }
    }

    @GetMapping
    @RequiredScope(ApiKeyScope.WRITE)
    @Operation(
            operationId = "getLinkCard",
            summary = "Read a link's card",
            description = "The title, description, image and site name the page at url names for itself (Open Graph,"
                    + " else its title and meta description), as a post's link is previewed and filled into Bluesky's"
                    + " and LinkedIn's cards. Herald reads the page from public addresses only, once, and keeps the"
                    + " card for the workspace a day. 204 when the page names nothing, cannot be read, or is not a web"
                    + " page. Needs the write scope: it makes Herald read a page.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The card."),
                @ApiResponse(responseCode = "204", description = "No card for this link.")
            })
    ResponseEntity<LinkCardView> card(CurrentWorkspace current, @RequestParam String url) {
        URI address;
        try {
            address = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidInput("url", "The url is not a web address: " + e.getReason() + ".");
        }
        String scheme = address.getScheme() == null ? "" : address.getScheme();
        if (!scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https") || address.getHost() == null) {
            throw new InvalidInput("url", "The url must be an http(s) address with a host.");
        }
        return cards.card(current.id(), address)
                .map(LinkCardView::of)
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }
}
