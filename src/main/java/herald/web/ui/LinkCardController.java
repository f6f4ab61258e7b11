package herald.web.ui;

import herald.links.LinkCard;
import herald.links.LinkCards;
import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The card of the composer's link (its page's own title and description), for composer.js to show in each account's
 * preview as the platforms will: 200 with the card, 204 when there is none to show (the page names nothing, cannot be
 * read, or the link is not a web address). The page is read from public addresses only ({@link LinkCards}).
 */
@Controller
class LinkCardController {

    private final LinkCards cards;

    LinkCardController(LinkCards cards) {
        this.cards = cards;
    }

    /** A card as the preview shows it: no image, which the page's CSP would not load from another host anyway. */
    record CardView(String url, @Nullable String title, @Nullable String description, @Nullable String siteName) {}

    @GetMapping("/w/{slug}/compose/link-card")
    ResponseEntity<CardView> card(@RequestParam(required = false) @Nullable String url, HttpServletRequest request) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        return LinkCards.address(url)
                .flatMap(address -> cards.card(current.id(), address))
                .map(LinkCardController::view)
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    private static CardView view(LinkCard card) {
        return new CardView(card.url().toString(), card.title(), card.description(), card.siteName());
    }
}
