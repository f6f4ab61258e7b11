package herald.publishing;

import herald.connections.AccessTokens;
import herald.connections.ConnectionNotActive;
import herald.providers.CommentRequest;
import herald.providers.ProviderException;
import herald.providers.Providers;
import herald.providers.PublishedComment;
import herald.providers.SocialProvider;
import herald.shared.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The platform call of a claimed first comment, outside any transaction, as {@link PlatformCall} is a target's: a look
 * for the comment first when an earlier attempt may have written it, the write, and the answer turned into an outcome
 * by kind of error. An answer that never came is ambiguous, never a plain failure: the next attempt looks first.
 */
@Component
class CommentCall {

    private final AccessTokens tokens;
    private final Providers providers;
    private final PublishingSettings settings;
    private final Clock clock;
    private final RetryPolicy retries;

    CommentCall(AccessTokens tokens, Providers providers, PublishingSettings settings, Clock clock) {
        this.tokens = tokens;
        this.providers = providers;
        this.settings = settings;
        this.clock = clock;
        this.retries = new RetryPolicy(settings, clock);
    }

    FirstComments.Outcome call(FirstComments.Claim claim) {
        CommentRows.Open open = claim.comment();
        SocialProvider provider = providers.find(open.provider()).orElse(null);
        if (provider == null || !provider.takesComments()) {
            return new FirstComments.Outcome.Failed("Herald cannot write comments on " + open.provider() + ".");
        }
        var request = new CommentRequest(open.handle(), open.platformPostId(), claim.text());
        Instant since = since(claim);
        try {
            return tokens.withAccessToken(claim.workspace(), open.connection(), token -> {
                if (claim.reconcileSince() != null) {
                    Optional<PublishedComment> found = provider.findComment(token, request, since);
                    if (found.isPresent()) {
                        return new FirstComments.Outcome.Posted(found.get());
                    }
                }
                try {
                    return new FirstComments.Outcome.Posted(provider.comment(token, request));
                } catch (ProviderException e) {
                    if (e.kind() != ProviderException.Kind.UNKNOWN_OUTCOME) {
                        throw e;
                    }
                    try {
                        Optional<PublishedComment> found = provider.findComment(token, request, since);
                        if (found.isPresent()) {
                            return new FirstComments.Outcome.Posted(found.get());
                        }
                    } catch (ProviderException unanswered) {
                        // Still ambiguous: a later attempt asks again before it writes.
                    }
                    return ambiguous(claim, since, e.getMessage());
                }
            });
        } catch (ProviderException e) {
            return fromError(claim, since, e);
        } catch (ConnectionNotActive | NotFound e) {
            return new FirstComments.Outcome.Failed(e.getMessage());
        }
    }

    /**
     * {@code comment} as the platform gets it: when its post tags its links, tagged for its target exactly as the
     * post's own text is ({@link PlatformCall#content}: the same values, platform, account and post), on the day the
     * post's links name ({@link CommentRows.Open#taggedAt}) in {@code zone}. A pure function of what the comment's row
     * keeps, so that every attempt sends, and every look for an earlier attempt's comment compares, the same text.
     */
    static String text(String comment, CommentRows.Open open, ZoneId zone) {
        UtmValues tagging = open.tagging();
        Instant at = open.taggedAt();
        if (tagging == null || at == null) {
            return comment;
        }
        return LinkTagging.tag(
                        comment,
                        null,
                        tagging,
                        new LinkTagging.Context(
                                open.provider(), open.handle(), LocalDate.ofInstant(at, zone), open.post()))
                .text();
    }

    /** Since when the platform may have the comment: an earlier attempt's start, else this one's. */
    static Instant since(FirstComments.Claim claim) {
        return claim.reconcileSince() != null ? claim.reconcileSince() : claim.startedAt();
    }

    private FirstComments.Outcome fromError(FirstComments.Claim claim, Instant since, ProviderException e) {
        if (claim.reconcileSince() != null
                && (e.kind() == ProviderException.Kind.TRANSIENT
                        || e.kind() == ProviderException.Kind.RATE_LIMITED
                        || e.kind() == ProviderException.Kind.UNKNOWN_OUTCOME)) {
            return ambiguous(claim, since, e.getMessage());
        }
        return switch (e.kind()) {
            case TRANSIENT ->
                claim.attempt() >= settings.maxAttempts()
                        ? new FirstComments.Outcome.Failed(
                                RetryPolicy.gaveUp(e.getMessage(), claim.attempt(), "the comment"))
                        : new FirstComments.Outcome.Retry(
                                retries.backoff(
                                        claim.attempt(), settings.maxBackoff().toMillis()),
                                e.getMessage(),
                                false);
            case RATE_LIMITED ->
                new FirstComments.Outcome.Retry(
                        clock.instant().plus(e.retryAfter() == null ? settings.rateLimitWait() : e.retryAfter()),
                        e.getMessage(),
                        false);
            case UNKNOWN_OUTCOME -> ambiguous(claim, since, e.getMessage());
            default -> new FirstComments.Outcome.Failed(e.getMessage());
        };
    }

    private FirstComments.Outcome ambiguous(FirstComments.Claim claim, Instant since, String reason) {
        if (claim.attempt() >= settings.maxAttempts()) {
            return new FirstComments.Outcome.Unknown("Herald sent this first comment at " + since
                    + " but could not confirm whether"
                    + " the platform took it (" + reason + "), and the post's comments could not settle it. Look under"
                    + " the post: mark it as there, or write it again.");
        }
        return new FirstComments.Outcome.Retry(
                retries.backoff(claim.attempt(), settings.maxBackoff().toMillis()), reason, true);
    }
}
