-- A kind of notification for a comment the inbox found under a published post (docs/inbox.md): 'inbox_comment'. The
-- kinds are a check on both tables that name them; see herald.notifications.NotificationKind.
alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check
    check (kind in ('post_failed', 'post_needs_attention', 'post_comment_failed', 'post_comment_unknown',
                    'post_thread_failed', 'post_awaiting_approval', 'post_decided', 'post_repeat_stopped',
                    'connection_needs_reconnect', 'review_feedback', 'inbox_comment'));

alter table notification_mutes drop constraint notification_mutes_kind_check;
alter table notification_mutes add constraint notification_mutes_kind_check
    check (kind in ('post_failed', 'post_needs_attention', 'post_comment_failed', 'post_comment_unknown',
                    'post_thread_failed', 'post_awaiting_approval', 'post_decided', 'post_repeat_stopped',
                    'connection_needs_reconnect', 'review_feedback', 'inbox_comment'));
