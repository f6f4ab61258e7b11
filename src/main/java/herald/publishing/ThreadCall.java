package herald.publishing;

import herald.connections.AccessTokens;
import herald.connections.ConnectionNotActive;
import herald.providers.ProviderException;
import herald.providers.Providers;
import herald.providers.PublishRequest;
import herald.providers.PublishedPost;
import herald.providers.SocialProvider;
import herald.shared.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The platform call of a claimed thread part, outside any transaction, as {@link CommentCall} is a first comment's: a
 * look for the part first when an earlier attempt may have published it, the publish as a reply to what it answers,
 * and the answer turned into an outcome by kind of error. An answer that never came is ambiguous, never a plain
 * failure: the next attempt looks first.
 */
@Component
class ThreadCall {

    private final AccessTokens tokens;
    private final Providers providers;
    private final PublishingSettings settings;
    private final Clock clock;
    private final RetryPolicy retries;

    ThreadCall(AccessTokens tokens, Providers providers, PublishingSettings settings, Clock clock) {
        this.tokens = tokens;
        this.providers = providers;
        this.settings = settings;
        this.clock = clock;
        this.retries = new RetryPolicy(settings, clock);
    }

    ThreadParts.Outcome call(ThreadParts.Claim claim) {
        ThreadRows.Open open = claim.part();
        SocialProvider provider = providers.find(open.provider()).orElse(null);
        if (provider == null || !provider.takesThreads()) {
            return new ThreadParts.Outcome.Failed("Herald cannot publish threads on " + open.provider() + ".");
        }
        var request = new PublishRequest(open.handle(), claim.text(), null, List.of(), claim.answers());
        Instant since = since(claim);
        try {
            return tokens.withAccessToken(claim.workspace(), open.connection(), token -> {
                if (claim.reconcileSince() != null) {
                    Optional<PublishedPost> found = provider.findExisting(token, request, since);
                    if (found.isPresent()) {
                        return new ThreadParts.Outcome.Posted(found.get());
                    }
                }
                try {
                    return new ThreadParts.Outcome.Posted(provider.publish(token, request));
                } catch (ProviderException e) {
                    if (e.kind() != ProviderException.Kind.UNKNOWN_OUTCOME) {
                        throw e;
                    }
                    try {
                        Optional<PublishedPost> found = provider.findExisting(token, request, since);
                        if (found.isPresent()) {
                            return new ThreadParts.Outcome.Posted(found.get());
                        }
                    } catch (ProviderException unanswered) {
                        // Still ambiguous: a later attempt asks again before it publishes.
                    }
                    return ambiguous(claim, since, e.getMessage());
                }
            });
        } catch (ProviderException e) {
            return fromError(claim, since, e);
        } catch (ConnectionNotActive | NotFound e) {
            return new ThreadParts.Outcome.Failed(e.getMessage());
        }
    }

    /** Since when the platform may have the part: an earlier attempt's start, else this one's. */
    static Instant since(ThreadParts.Claim claim) {
        return claim.reconcileSince() != null ? claim.reconcileSince() : claim.startedAt();
    }

    private ThreadParts.Outcome fromError(ThreadParts.Claim claim, Instant since, ProviderException e) {
        if (claim.reconcileSince() != null
                && (e.kind() == ProviderException.Kind.TRANSIENT
                        || e.kind() == ProviderException.Kind.RATE_LIMITED
                        || e.kind() == ProviderException.Kind.UNKNOWN_OUTCOME)) {
            return ambiguous(claim, since, e.getMessage());
        }
        return switch (e.kind()) {
            case TRANSIENT ->
                claim.attempt() >= settings.maxAttempts()
                        ? new ThreadParts.Outcome.Failed(RetryPolicy.gaveUp(
                                e.getMessage(), claim.attempt(), "part " + (claim.position() + 1) + " of the thread"))
                        : new ThreadParts.Outcome.Retry(
                                retries.backoff(
                                        claim.attempt(), settings.maxBackoff().toMillis()),
                                e.getMessage(),
                                false);
            case RATE_LIMITED ->
                new ThreadParts.Outcome.Retry(
                        clock.instant().plus(e.retryAfter() == null ? settings.rateLimitWait() : e.retryAfter()),
                        e.getMessage(),
                        false);
            case UNKNOWN_OUTCOME -> ambiguous(claim, since, e.getMessage());
            default -> new ThreadParts.Outcome.Failed(e.getMessage());
        };
    }

    private ThreadParts.Outcome ambiguous(ThreadParts.Claim claim, Instant since, String reason) {
        if (claim.attempt() >= settings.maxAttempts()) {
            return new ThreadParts.Outcome.Unknown("Herald sent part " + (claim.position() + 1) + " of the thread at "
                    + since + " but could not confirm whether the platform took it (" + reason + "), and the"
                    + " account's recent posts could not settle it. Look on the account: give the part's address if"
                    + " it is there, or publish it again.");
        }
        return new ThreadParts.Outcome.Retry(
                retries.backoff(claim.attempt(), settings.maxBackoff().toMillis()), reason, true);
    }
}
