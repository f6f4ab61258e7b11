package herald.inbox;

import herald.audit.AuditContext;
import herald.audit.AuditLog;
import herald.connections.AccessTokens;
import herald.connections.Connection;
import herald.connections.ConnectionNotActive;
import herald.connections.Connections;
import herald.database.TenantScope;
import herald.providers.CommentRequest;
import herald.providers.ProviderException;
import herald.providers.Providers;
import herald.providers.PublishedComment;
import herald.providers.SocialProvider;
import herald.publishing.ContentCheck;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.shared.WorkspaceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Answers to the inbox's comments, as the account each was written to, effectively once: the comment is held while an
 * answer is sent; an answer the platform took is stored with the comment done and audited; one that may have reached
 * it without an answer is kept as the comment's uncertain answer, and looked for on the platform before any other
 * answer is sent (docs/inbox.md, "An answer Herald could not confirm").
 */
@Component
class InboxAnswers {

    /** An answer begun this long ago and never finished (its node died) no longer holds the comment. */
    static final Duration REPLY_HELD = Duration.ofMinutes(2);

    private final InboxRows rows;
    private final TenantScope tenants;
    private final Connections connections;
    private final AccessTokens tokens;
    private final Providers providers;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InboxAnswers(
            InboxRows rows,
            TenantScope tenants,
            Connections connections,
            AccessTokens tokens,
            Providers providers,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.rows = rows;
        this.tenants = tenants;
        this.connections = connections;
        this.tokens = tokens;
        this.providers = providers;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Answers a comment as the account it was written to, under the same post: the platform's call is made now,
     * outside any transaction; once it took the answer, the answer is stored, the comment done and the answer audited.
     * Nothing is stored when it did not.
     *
     * @throws NotFound when the workspace has no such comment
     * @throws InvalidInput on {@code text} when it is empty, longer than the platform takes, or breaks its rules
     * @throws Conflict on {@code text} when the comment was answered already or an answer is being sent, or the
     *     account needs a reconnect, or an answer sent earlier without the platform's answer was found there
     * @throws ReplyRefused when the platform did not take it, or could not tell whether that earlier answer is there
     */
    InboxComment reply(WorkspaceId workspace, InboxComment comment, @Nullable String text) {
        String answer = text == null ? "" : text.strip();
        InboxCommentId id = comment.id();
        if (answer.isEmpty()) {
            throw new InvalidInput("text", "Write an answer.");
        }
        if (comment.reply() != null) {
            throw new Conflict("text", "This comment was answered already.");
        }
        SocialProvider provider = providers
                .find(comment.provider())
                .filter(SocialProvider::takesComments)
                .orElseThrow(
                        () -> new Conflict("text", "Herald cannot answer comments on " + comment.provider() + "."));
        Connection account = connections
                .find(workspace, comment.connection())
                .orElseThrow(() -> new Conflict("text", "The account was removed from this workspace."));
        if (!account.active()) {
            throw reconnect(account);
        }
        ContentCheck.Result rules = ContentCheck.commentRules(provider, account.externalId(), answer);
        int limit = Math.min(rules.limit(), Inbox.MAX_REPLY);
        if (rules.length() > limit || answer.length() > Inbox.MAX_REPLY) {
            throw new InvalidInput(
                    "text",
                    "The answer is " + rules.length() + " characters long; " + provider.displayName() + " takes "
                            + limit + ".");
        }
        if (!rules.problems().isEmpty()) {
            throw new InvalidInput(
                    "text",
                    rules.problems().stream().map(ContentCheck.Problem::message).collect(Collectors.joining(" ")));
        }
        String postId = comment.platformPostId();
        if (postId == null) {
            throw new Conflict("text", "The post this comment is under is no longer published.");
        }
        Instant now = clock.instant();
        InboxRows.Held held = tenants.call(workspace, () -> rows.startReply(workspace, id, now, now.minus(REPLY_HELD)))
                .orElseThrow(() ->
                        new Conflict("text", "This comment was answered already, or an answer to it is being sent."));
        String by = AuditContext.actor().label();
        if (held.uncertain() != null) {
            lookForEarlier(workspace, comment, provider, account, postId, held.uncertain());
        }
        PublishedComment sent;
        try {
            sent = tokens.withAccessToken(
                    workspace,
                    comment.connection(),
                    token -> provider.comment(
                            token, new CommentRequest(comment.account(), postId, answer, null, comment.externalId())));
        } catch (RuntimeException e) {
            if (e instanceof ProviderException unknown && unknown.kind() == ProviderException.Kind.UNKNOWN_OUTCOME) {
                // It may be there: kept, so that the next answer looks for it first.
                tenants.run(workspace, () -> rows.replyUncertain(workspace, id, answer, now, by));
            } else {
                // Not taken: the comment may be answered again.
                tenants.run(workspace, () -> rows.replyFailed(workspace, id));
            }
            throw switch (e) {
                case ProviderException refusal -> refused(provider, refusal);
                case ConnectionNotActive inactive -> reconnect(account);
                default -> e;
            };
        }
        return answered(workspace, comment, answer, sent, by, false);
    }

    /**
     * An earlier answer may be there: it is looked for before anything else is sent (reconcile, then repeat). Returns
     * when it is provably absent, forgotten; throws when it was found (it is now the reply) or cannot be told, and the
     * comment is released either way.
     */
    private void lookForEarlier(
            WorkspaceId workspace,
            InboxComment comment,
            SocialProvider provider,
            Connection account,
            String postId,
            InboxComment.Uncertain uncertain) {
        InboxCommentId id = comment.id();
        Optional<PublishedComment> earlier;
        try {
            earlier = tokens.withAccessToken(
                    workspace,
                    comment.connection(),
                    token -> provider.findComment(
                            token,
                            new CommentRequest(comment.account(), postId, uncertain.text(), null, comment.externalId()),
                            uncertain.sentAt()));
        } catch (RuntimeException e) {
            tenants.run(workspace, () -> rows.replyFailed(workspace, id));
            throw switch (e) {
                case ProviderException notTold ->
                    new ReplyRefused(
                            "unknown",
                            provider.displayName() + " could not tell whether the answer sent earlier was posted, so"
                                    + " nothing was sent: look under the post, or try again later.");
                case ConnectionNotActive inactive -> reconnect(account);
                default -> e;
            };
        }
        if (earlier.isPresent()) {
            answered(workspace, comment, uncertain.text(), earlier.get(), uncertain.by(), true);
            throw new Conflict(
                    "text",
                    "The answer sent earlier was posted after all; it is now this comment's reply, and nothing else"
                            + " was sent.");
        }
        tenants.run(workspace, () -> rows.forgetUncertain(workspace, id));
    }

    /**
     * The answer is on the platform: stored, the comment done, and the answer audited ({@code inbox.replied}). Returns
     * the comment as it now is.
     */
    private InboxComment answered(
            WorkspaceId workspace,
            InboxComment comment,
            String text,
            PublishedComment sent,
            @Nullable String by,
            boolean found) {
        InboxCommentId id = comment.id();
        Instant at = clock.instant();
        return tenants.call(workspace, () -> {
            rows.replied(workspace, id, text, sent.id(), sent.url(), at, by);
            Map<String, String> details = new LinkedHashMap<>();
            details.put("provider", comment.provider());
            details.put("account", comment.account());
            details.put("post", comment.post().toString());
            details.put("answered", comment.authorHandle());
            if (found) {
                details.put("found", "true"); // sent earlier without an answer, found on the platform since
            }
            audit.record(workspace, "inbox.replied", "inbox_comment", id.toString(), details);
            InboxComment now = rows.find(workspace, id).orElseThrow(Inbox::notFound);
            Inbox.settled(rows, events, workspace, now);
            return now;
        });
    }

    private static Conflict reconnect(Connection account) {
        return new Conflict("text", "Reconnect " + account.label() + " to answer its comments.");
    }

    private static ReplyRefused refused(SocialProvider provider, ProviderException e) {
        return switch (e.kind()) {
            case UNKNOWN_OUTCOME ->
                new ReplyRefused(
                        "unknown",
                        provider.displayName() + " did not answer in time; the answer may have been posted. Herald"
                                + " looks for it before it sends another answer to this comment.");
            case TRANSIENT, RATE_LIMITED, AUTH_EXPIRED ->
                new ReplyRefused("retry", provider.displayName() + " could not take the answer now: " + e.getMessage());
            default -> new ReplyRefused("refused", provider.displayName() + " refused the answer: " + e.getMessage());
        };
    }
}
