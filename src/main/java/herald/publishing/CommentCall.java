package herald.publishing;

import herald.connections.AccessTokens;
import herald.connections.ConnectionNotActive;
import herald.providers.CommentRequest;
import herald.providers.ProviderException;
import herald.providers.Providers;
import herald.providers.PublishedComment;
import herald.providers.SocialProvider;
import herald.shared.NotFound;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The platform call of a claimed first comment, outside any transaction, as {@link PlatformCall} is a target's: the
 * comment written under its post, or looked for first when an earlier attempt may have written it, the answer turned
 * into an outcome by {@link StepCalls}.
 */
@Component
class CommentCall {

    private final AccessTokens tokens;
    private final Providers providers;
    private final StepCalls steps;

    CommentCall(AccessTokens tokens, Providers providers, StepCalls steps) {
        this.tokens = tokens;
        this.providers = providers;
        this.steps = steps;
    }

    StepOutcome<PublishedComment> call(FirstComments.Claim claim) {
        CommentRows.Open open = claim.comment();
        SocialProvider provider = providers.find(open.provider()).orElse(null);
        if (provider == null || !provider.takesComments()) {
            return new StepOutcome.Failed<>("Herald cannot write comments on " + open.provider() + ".");
        }
        var request = new CommentRequest(open.handle(), open.platformPostId(), claim.text(), open.language());
        Instant since = since(claim);
        var attempt = new StepCalls.Attempt(
                claim.attempt(),
                claim.reconcileSince() != null,
                since,
                "the comment",
                reason -> "Herald sent this first comment at " + since + " but could not confirm whether the platform"
                        + " took it (" + reason + "), and the post's comments could not settle it. Look under the"
                        + " post: mark it as there, or write it again.");
        try {
            return tokens.withAccessToken(
                    claim.workspace(),
                    open.connection(),
                    token -> steps.take(
                            new StepCalls.Step<PublishedComment>() {
                                @Override
                                public Optional<PublishedComment> find() {
                                    return provider.findComment(token, request, since);
                                }

                                @Override
                                public PublishedComment write() {
                                    return provider.comment(token, request);
                                }
                            },
                            attempt));
        } catch (ProviderException e) {
            return steps.fromError(attempt, e);
        } catch (ConnectionNotActive | NotFound e) {
            return new StepOutcome.Failed<>(e.getMessage());
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
}
