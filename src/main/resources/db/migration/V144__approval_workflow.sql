-- An owner or admin may require that posts by editors (and by API keys without the admin scope) wait for an owner's
-- or admin's approval before anything is published: the agency's review step, as Buffer and Hootsuite offer it.
alter table workspaces add column approval_required boolean not null default false;

-- Whoever submitted a post for approval hears of the decision: 'post_decided' (approved, or rejected with the note).
alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check
    check (kind in ('post_failed', 'post_needs_attention', 'post_comment_failed', 'post_comment_unknown',
                    'post_awaiting_approval', 'post_decided', 'connection_needs_reconnect', 'review_feedback'));

alter table notification_mutes drop constraint notification_mutes_kind_check;
alter table notification_mutes add constraint notification_mutes_kind_check
    check (kind in ('post_failed', 'post_needs_attention', 'post_comment_failed', 'post_comment_unknown',
                    'post_awaiting_approval', 'post_decided', 'connection_needs_reconnect', 'review_feedback'));
