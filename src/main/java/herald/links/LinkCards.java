package herald.links;

import herald.database.TenantScope;
import herald.shared.WorkspaceId;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * A workspace's link cards: the card of a page its posts link to, read once and kept for {@code
 * herald.link-cards.lifetime} (a page that gave none is not asked again sooner either). The composer asks for one as a
 * link is typed; publishing asks for the card of a post's link where the platform shows a card Herald fills in. The
 * page is read outside any transaction; only http(s) addresses on public hosts are read.
 */
@Component
@EnableConfigurationProperties(LinkCardSettings.class)
public class LinkCards {

    /** How long a card is kept at all once its lifetime is over: a page linked to again within it is read again. */
    static final Duration KEPT = Duration.ofDays(30);

    private final LinkCardFetcher fetcher;
    private final LinkCardRows rows;
    private final TenantScope tenants;
    private final LinkCardSettings settings;
    private final Clock clock;

    LinkCards(LinkCardFetcher fetcher, LinkCardRows rows, TenantScope tenants, LinkCardSettings settings, Clock clock) {
        this.fetcher = fetcher;
        this.rows = rows;
        this.tenants = tenants;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The card of the page at {@code url}: the kept one while it is fresh, else the page read now (and kept, with why
     * when it gave none). Empty when the page names nothing a card shows, cannot be read, or the address is not a web
     * address; never an error.
     */
    public Optional<LinkCard> card(WorkspaceId workspace, URI url) {
        if (!settings.enabled() || !web(url)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        var kept = tenants.call(workspace, () -> rows.find(workspace, url));
        if (kept.isPresent() && kept.get().fetchedAt().plus(settings.lifetime()).isAfter(now)) {
            return Optional.ofNullable(kept.get().card()).filter(LinkCard::named);
        }
        LinkCardFetcher.Read read = fetcher.read(url);
        LinkCard card =
                read instanceof LinkCardFetcher.Found found && found.card().named() ? found.card() : null;
        String failure = card != null
                ? null
                : read instanceof LinkCardFetcher.Failed failed
                        ? failed.reason()
                        : "The page names no title or description.";
        tenants.run(workspace, () -> {
            rows.keep(workspace, url, card, failure, now);
            rows.forget(workspace, now.minus(KEPT));
        });
        return Optional.ofNullable(card);
    }

    /** The card Herald last read for the page at {@code url}, however old; never reads the page. */
    public Optional<LinkCard> kept(WorkspaceId workspace, URI url) {
        return tenants.call(workspace, () -> rows.find(workspace, url))
                .map(LinkCardRows.Kept::card)
                .filter(LinkCard::named);
    }

    /**
     * The card's image, read now (never kept: a platform takes it once, with the post), when the card names one that is
     * a JPEG, PNG, WebP or GIF of at most {@code maxBytes}; empty otherwise, never an error.
     */
    public Optional<LinkImage> image(LinkCard card, int maxBytes) {
        URI image = card.image();
        if (!settings.enabled() || image == null || !web(image)) {
            return Optional.empty();
        }
        return fetcher.image(image, maxBytes);
    }

    /**
     * {@code link} (a post's link, a typed one) as an address a card may be read from: an http(s) address with a host,
     * no user info, at most 2,048 characters; empty for anything else, never an error.
     */
    public static Optional<URI> address(@Nullable String link) {
        if (link == null || link.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(link.strip())).filter(LinkCards::web);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static boolean web(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https"))
                && url.getHost() != null
                && url.getUserInfo() == null
                && url.toString().length() <= 2048;
    }
}
