package herald.web.ui;

import herald.audit.AuditEvent;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The actions Herald records, and what each says in words after the actor's name ("demo@herald.local signed in",
 * "Herald published a post"), for the overview's recent activity. The audit log itself shows the action's code, which
 * its filter takes and is offered from here; an action without words here is shown by its code.
 */
final class AuditPhrases {

    /**
     * What Herald records by the hundred as it works, left out of the overview's recent activity (the audit log shows
     * them): every read of a stored token or secret, every call of an agent, every refresh of a token.
     */
    static final Set<String> ROUTINE =
            Set.of("secret.decrypted", "secret.reencrypted", "agent.call", "connection.refreshed");

    /** In the order the audit log's filter offers them. */
    private static final Map<String, String> PHRASES = ordered(
            Map.entry("user.signed_up", "signed up"),
            Map.entry("user.signed_in", "signed in"),
            Map.entry("user.signed_out", "signed out"),
            Map.entry("user.sign_in_failed", "failed to sign in"),
            Map.entry("user.second_step_failed", "failed the second step of signing in"),
            Map.entry("user.two_factor_enabled", "turned two-factor sign-in on"),
            Map.entry("user.two_factor_disabled", "turned two-factor sign-in off"),
            Map.entry("user.recovery_code_used", "signed in with a recovery code"),
            Map.entry("user.recovery_codes_regenerated", "made new recovery codes"),
            Map.entry("user.other_sessions_ended", "signed out everywhere else"),
            Map.entry("workspace.created", "created the workspace"),
            Map.entry("workspace.updated", "changed the workspace's settings"),
            Map.entry("workspace.plan_changed", "changed the plan"),
            Map.entry("workspace.link_tagging_changed", "changed link tagging"),
            Map.entry("workspace.two_factor_required", "required two-factor sign-in"),
            Map.entry("workspace.approval_required", "required approval of editors' posts"),
            Map.entry("workspace.approval_not_required", "stopped requiring approval of editors' posts"),
            Map.entry("workspace.links_shortened", "turned on short links that count clicks"),
            Map.entry("workspace.links_not_shortened", "turned off short links"),
            Map.entry("workspace.bio_page_shown", "put up the link-in-bio page"),
            Map.entry("workspace.bio_page_hidden", "took down the link-in-bio page"),
            Map.entry("workspace.bio_page_text_changed", "changed the link-in-bio page's text"),
            Map.entry("workspace.post_language_changed", "changed the language of its posts"),
            Map.entry("workspace.two_factor_not_required", "stopped requiring two-factor sign-in"),
            Map.entry("member.invited", "invited a member"),
            Map.entry("member.invitation_revoked", "withdrew an invitation"),
            Map.entry("member.joined", "joined"),
            Map.entry("member.removed", "removed a member"),
            Map.entry("member.role_changed", "changed a member's role"),
            Map.entry("api_key.created", "created an API key"),
            Map.entry("api_key.revoked", "revoked an API key"),
            Map.entry("connection.connected", "connected an account"),
            Map.entry("connection.reconnected", "reconnected an account"),
            Map.entry("connection.disconnected", "disconnected an account"),
            Map.entry("connection.refreshed", "refreshed an account's token"),
            Map.entry("connection.needs_reconnect", "found an account to reconnect"),
            Map.entry("connection.renamed", "renamed an account"),
            Map.entry("connection.paused", "paused publishing to an account"),
            Map.entry("connection.resumed", "resumed publishing to an account"),
            Map.entry("post.created", "created a post"),
            Map.entry("post.edited", "edited a post"),
            Map.entry("post.tagged", "tagged a post"),
            Map.entry("post.evergreen_added", "kept a post as evergreen"),
            Map.entry("post.evergreen_removed", "took a post out of the evergreen library"),
            Map.entry("post.evergreen_limited", "changed how long an evergreen post is shared"),
            Map.entry("workspace.evergreen_changed", "changed the evergreen refill"),
            Map.entry("post.bio_page_hidden", "took a post off the link-in-bio page"),
            Map.entry("post.bio_page_shown", "put a post back on the link-in-bio page"),
            Map.entry("post.short_link_turned_off", "turned off a post's short link"),
            Map.entry("post.short_link_turned_on", "turned a post's short link on again"),
            Map.entry("post.bio_page_pinned", "pinned a post to the top of the link-in-bio page"),
            Map.entry("post.bio_page_unpinned", "unpinned a post from the link-in-bio page"),
            Map.entry("post.cancelled", "cancelled a post"),
            Map.entry("post.awaiting_approval", "sent a post for approval"),
            Map.entry("post.approved", "approved a post"),
            Map.entry("post.rejected", "rejected a post"),
            Map.entry("post.published", "published a post"),
            Map.entry("post.failed", "could not publish a post"),
            Map.entry("post.needs_attention", "found a post that needs attention"),
            Map.entry("post.retried", "retried a post"),
            Map.entry("post.publish_again", "published a post again"),
            Map.entry("post.comment_posted", "posted a first comment"),
            Map.entry("post.comment_failed", "could not post a first comment"),
            Map.entry("post.comment_unknown", "could not tell whether a first comment was posted"),
            Map.entry("post.comment_again", "wrote a first comment again"),
            Map.entry("post.thread_part_posted", "published a part of a thread"),
            Map.entry("post.thread_part_failed", "could not publish a part of a thread"),
            Map.entry("post.thread_part_unknown", "could not tell whether a part of a thread was published"),
            Map.entry("post.thread_part_again", "published a part of a thread again"),
            Map.entry("post.thread_part_confirmed", "found a part of a thread on the platform"),
            Map.entry("post.note_added", "added a note to a post"),
            Map.entry("post.note_removed", "removed a note from a post"),
            Map.entry("post.repeat_stopped", "stopped a post repeating"),
            Map.entry("post.repeat_ended", "found a repeating post's series ended"),
            Map.entry("post.repeat_skipped", "skipped a day of a repeating post"),
            Map.entry("post.repeat_unskipped", "put a skipped day of a repeating post back"),
            Map.entry("posting_schedule.changed", "changed the posting schedule"),
            Map.entry("asset.uploaded", "uploaded a file"),
            Map.entry("asset.moved", "moved a file"),
            Map.entry("asset.deleted", "deleted a file"),
            Map.entry("folder.created", "created a folder"),
            Map.entry("folder.defaults_created", "created the default folders"),
            Map.entry("folder.renamed", "renamed a folder"),
            Map.entry("folder.moved", "moved a folder"),
            Map.entry("folder.deleted", "deleted a folder"),
            Map.entry("feed.created", "added a feed"),
            Map.entry("inbox.replied", "answered a comment in the inbox"),
            Map.entry("feed.changed", "changed a feed"),
            Map.entry("feed.paused", "paused a feed"),
            Map.entry("feed.resumed", "resumed a feed"),
            Map.entry("feed.deleted", "removed a feed"),
            Map.entry("agent.created", "created an agent"),
            Map.entry("agent.paused", "paused an agent"),
            Map.entry("agent.resumed", "resumed an agent"),
            Map.entry("agent.call", "called Herald as an agent"),
            Map.entry("agent.grant.created", "granted an agent an account"),
            Map.entry("agent.grant.changed", "changed what an agent may do with an account"),
            Map.entry("agent.grant.deleted", "took an account away from an agent"),
            Map.entry("agent_key.created", "created an agent key"),
            Map.entry("agent_key.revoked", "revoked an agent key"),
            Map.entry("review_link.created", "shared a review link"),
            Map.entry("review_link.revoked", "revoked a review link"),
            Map.entry("review.feedback", "left feedback on a review link"),
            Map.entry("persona.created", "created a persona"),
            Map.entry("persona.updated", "changed a persona"),
            Map.entry("persona.made_default", "made a persona the default"),
            Map.entry("persona.deleted", "deleted a persona"),
            Map.entry("snippet.created", "created a snippet"),
            Map.entry("snippet.changed", "changed a snippet"),
            Map.entry("snippet.deleted", "deleted a snippet"),
            Map.entry("calendar.requested", "asked for a content calendar"),
            Map.entry("calendar.cancelled", "cancelled a content calendar"),
            Map.entry("webhook.created", "added a webhook"),
            Map.entry("webhook.updated", "changed a webhook"),
            Map.entry("webhook.deleted", "removed a webhook"),
            Map.entry("webhook.secret_rolled", "rolled a webhook's secret"),
            Map.entry("webhook.test_sent", "sent a test webhook"),
            Map.entry("webhook.redelivered", "sent a webhook again"),
            Map.entry("secret.decrypted", "read a stored token or secret"),
            Map.entry("secret.reencrypted", "sealed stored secrets again under the current key"));

    private AuditPhrases() {}

    @SafeVarargs
    private static Map<String, String> ordered(Map.Entry<String, String>... entries) {
        Map<String, String> phrases = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : entries) {
            phrases.put(entry.getKey(), entry.getValue());
        }
        return Collections.unmodifiableMap(phrases);
    }

    /** Every action with its words, in order, for the audit log's filter to suggest. */
    static Map<String, String> all() {
        return PHRASES;
    }

    /** The words of each of {@code events}' actions that has words, by action. */
    static Map<String, String> of(Collection<AuditEvent> events) {
        Map<String, String> phrases = new HashMap<>();
        for (AuditEvent event : events) {
            String phrase = PHRASES.get(event.action());
            if (phrase != null) {
                phrases.put(event.action(), phrase);
            }
        }
        return phrases;
    }
}
