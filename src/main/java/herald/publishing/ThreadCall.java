package herald.publishing;

import herald.connections.AccessTokens;
import herald.connections.ConnectionNotActive;
import herald.providers.ProviderException;
import herald.providers.Providers;
import herald.providers.PublishRequest;
import herald.providers.PublishedPost;
import herald.providers.SocialProvider;
import herald.shared.NotFound;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The platform call of a claimed thread part, outside any transaction, as {@link CommentCall} is a first comment's: the
 * part published as a reply to what it answers, or looked for first among the account's recent posts when an earlier
 * attempt may have published it, the answer turned into an outcome by {@link StepCalls}.
 */
@Component
class ThreadCall {

    private final AccessTokens tokens;
    private final Providers providers;
    private final StepCalls steps;
    private final PublishMedia media;

    ThreadCall(AccessTokens tokens, Providers providers, StepCalls steps, PublishMedia media) {
        this.media = media;
        this.tokens = tokens;
        this.providers = providers;
        this.steps = steps;
    }

    StepOutcome<PublishedPost> call(ThreadParts.Claim claim) {
        ThreadRows.Open open = claim.part();
        SocialProvider provider = providers.find(open.provider()).orElse(null);
        if (provider == null || !provider.takesThreads()) {
            return new StepOutcome.Failed<>("Herald cannot publish threads on " + open.provider() + ".");
        }
        Instant since = since(claim);
        int part = claim.position() + 1;
        var attempt = new StepCalls.Attempt(
                claim.attempt(),
                claim.reconcileSince() != null,
                since,
                "part " + part + " of the thread",
                reason -> "Herald sent part " + part + " of the thread at " + since + " but could not confirm whether"
                        + " the platform took it (" + reason + "), and the account's recent posts could not settle"
                        + " it. Look on the account: give the part's address if it is there, or publish it again.");
        try {
            var request = new PublishRequest(
                            open.handle(),
                            claim.text(),
                            null,
                            media.of(claim.workspace(), open.media(), provider),
                            claim.answers())
                    .inLanguage(open.language());
            return tokens.withAccessToken(
                    claim.workspace(),
                    open.connection(),
                    token -> steps.take(
                            new StepCalls.Step<PublishedPost>() {
                                @Override
                                public Optional<PublishedPost> find() {
                                    return provider.findExisting(token, request, since);
                                }

                                @Override
                                public PublishedPost write() {
                                    return provider.publish(token, request);
                                }
                            },
                            attempt));
        } catch (ProviderException e) {
            return steps.fromError(attempt, e);
        } catch (ConnectionNotActive | NotFound e) {
            return new StepOutcome.Failed<>(e.getMessage());
        }
    }

    /** Since when the platform may have the part: an earlier attempt's start, else this one's. */
    static Instant since(ThreadParts.Claim claim) {
        return claim.reconcileSince() != null ? claim.reconcileSince() : claim.startedAt();
    }
}
