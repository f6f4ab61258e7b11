package herald.publishing;

import herald.connections.AccessTokens;
import herald.connections.ConnectionNotActive;
import herald.database.TenantScope;
import herald.links.LinkCards;
import herald.providers.PostFormat;
import herald.providers.ProviderException;
import herald.providers.Providers;
import herald.providers.PublishJournal;
import herald.providers.PublishRequest;
import herald.providers.PublishedPost;
import herald.providers.SocialProvider;
import herald.shared.NotFound;
import herald.shared.WorkspaceId;
import herald.vault.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The platform call of a claimed attempt, outside any transaction (docs/adr/0008): the target's media as links the
 * platform can fetch, a search of the platform's recent posts first when an earlier attempt may have reached it, the
 * publish, and the answer turned into an {@link Publisher.Outcome} by kind of error ({@link RetryPolicy}). An answer
 * that never came is ambiguous, never a plain failure: the next attempt reconciles before it publishes again.
 */
@Component
class PlatformCall {

    private static final Logger log = LoggerFactory.getLogger(PlatformCall.class);

    private final Attempts attempts;
    private final TenantScope tenants;
    private final AccessTokens tokens;
    private final Providers providers;
    private final PublishMedia media;
    private final PublishingSettings settings;
    private final Clock clock;
    private final RetryPolicy retries;
    private final LinkCards linkCards;

    PlatformCall(
            Attempts attempts,
            TenantScope tenants,
            AccessTokens tokens,
            Providers providers,
            PublishMedia media,
            PublishingSettings settings,
            Clock clock,
            LinkCards linkCards) {
        this.linkCards = linkCards;
        this.attempts = attempts;
        this.tenants = tenants;
        this.tokens = tokens;
        this.providers = providers;
        this.media = media;
        this.settings = settings;
        this.clock = clock;
        this.retries = new RetryPolicy(settings, clock);
    }

    /**
     * The card of the post's own link (its page, not the tagged or short address it goes out as), where the platform
     * shows one Herald fills in and the post has no media to show instead: read once and kept ({@link LinkCards}).
     */
    private PublishRequest.@Nullable LinkPreview card(
            WorkspaceId workspace, SocialProvider provider, Attempts.Due due, List<PublishRequest.Media> items) {
        if (!provider.fillsLinkCards() || !items.isEmpty()) {
            return null;
        }
        return LinkCards.address(due.link())
                .flatMap(page -> linkCards.card(workspace, page))
                .map(card -> new PublishRequest.LinkPreview(
                        card.title(),
                        card.description(),
                        provider.linkCardImageBytes() <= 0
                                ? null
                                : linkCards
                                        .image(card, provider.linkCardImageBytes())
                                        .map(image -> new PublishRequest.Image(image.bytes(), image.contentType()))
                                        .orElse(null)))
                .orElse(null);
    }

    Publisher.Outcome call(WorkspaceId workspace, Claim claim) {
        Attempts.Due due = claim.due();
        if (claim.refused() != null) {
            return new Publisher.Outcome.Failed(claim.refused());
        }
        if (claim.tokenRefused() != null) {
            return new Publisher.Outcome.Failed(claim.tokenRefused());
        }
        SocialProvider provider = providers.find(due.provider()).orElse(null);
        if (provider == null) {
            return new Publisher.Outcome.Failed("Herald no longer supports the platform " + due.provider() + ".");
        }
        List<PublishRequest.Media> items = media.of(workspace, due.media(), provider);
        LinkTagging.Tagged content = claim.content();
        // A story is its medium alone: its text and link are not published, nor looked for when reconciling.
        var request = due.format() == PostFormat.STORY
                ? new PublishRequest(due.handle(), "", null, items, null, PostFormat.STORY)
                : new PublishRequest(
                        due.handle(),
                        content.text(),
                        content.link() == null ? null : URI.create(content.link()),
                        items,
                        null,
                        PostFormat.POST,
                        card(workspace, provider, due, items),
                        due.language());
        PublishJournal journal = attempts.journal(tenants, workspace, claim.target(), claim.fence());
        try {
            Function<Secret, Publisher.Outcome> use = token -> {
                Instant since = claim.reconcileFrom();
                if (claim.reconcileSince() != null) {
                    Optional<PublishedPost> existing = provider.findExisting(token, request, since, journal);
                    if (existing.isPresent()) {
                        return new Publisher.Outcome.Published(existing.get(), true);
                    }
                }
                try {
                    return new Publisher.Outcome.Published(provider.publish(token, request, journal), false);
                } catch (ProviderException e) {
                    // A DUPLICATE is not ours: any earlier attempt of ours that may have reached the platform set
                    // reconcileSince, and the platform was searched above. It fails with the platform's words.
                    if (e.kind() == ProviderException.Kind.UNKNOWN_OUTCOME) {
                        // Ask at once: the platform may show the post already. If it cannot tell, a later attempt asks.
                        try {
                            Optional<PublishedPost> existing = provider.findExisting(token, request, since, journal);
                            if (existing.isPresent()) {
                                return new Publisher.Outcome.Published(existing.get(), true);
                            }
                        } catch (ProviderException unanswered) {
                            // The platform could not be asked now (a 503, a 429): the outcome stays ambiguous, never
                            // a plain transient failure, or the next attempt would publish without looking first.
                        }
                        return retries.ambiguous(claim, since, e.getMessage());
                    }
                    throw e;
                }
            };
            return claim.token() != null
                    ? tokens.withAccessToken(claim.token(), use)
                    : tokens.withAccessToken(workspace, due.connection(), use);
        } catch (ProviderException e) {
            return retries.fromError(claim, e);
        } catch (ConnectionNotActive | NotFound e) {
            return new Publisher.Outcome.Failed(e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Publishing target of post {} failed unexpectedly", claim.post(), e);
            return claim.reconcileSince() == null
                    ? retries.retryOrFail(claim, "Herald failed before calling the platform: " + e.getMessage())
                    : retries.ambiguous(claim, claim.reconcileSince(), "Herald failed while checking the platform.");
        }
    }

    /**
     * The target's text and link as the platform gets them, links not yet shortened: tagged for its platform and
     * account when its post tags its links. The day is the post's time's, else that of the earliest attempt that may
     * have reached the platform ({@code reconcileFrom}), so that a retry sends the very text reconciliation looks for.
     */
    static LinkTagging.Tagged content(Attempts.Due due, Instant reconcileFrom, ZoneId zone) {
        if (due.tagging() == null) {
            return new LinkTagging.Tagged(due.text(), due.link());
        }
        Instant at = due.scheduledAt() != null ? due.scheduledAt() : reconcileFrom;
        return LinkTagging.tag(
                due.text(),
                due.link(),
                due.tagging(),
                new LinkTagging.Context(due.provider(), due.handle(), LocalDate.ofInstant(at, zone), due.post()));
    }
}
