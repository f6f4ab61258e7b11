-- A kind of notification for a part of a post's thread that did not go out (docs/threads.md): 'post_thread_failed',
-- for a part the platform refused and for one Herald cannot tell it took. The kinds are a check on both tables that
-- name them; see herald.notifications.NotificationKind.
alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check
    check (kind in ('post_failed', 'post_needs_attention', 'post_comment_failed', 'post_comment_unknown',
                    'post_thread_failed', 'post_awaiting_approval', 'post_decided', 'post_repeat_stopped',
                    'connection_needs_reconnect', 'review_feedback'));

alter table notification_mutes drop constraint notification_mutes_kind_check;
alter table notification_mutes add constraint notification_mutes_kind_check
    check (kind in ('post_failed', 'post_needs_attention', 'post_comment_failed', 'post_comment_unknown',
                    'post_thread_failed', 'post_awaiting_approval', 'post_decided', 'post_repeat_stopped',
                    'connection_needs_reconnect', 'review_feedback'));

-- A member who muted failed first comments does not want to hear of failed thread parts either (migrations run as the
-- owner role, which bypasses row-level security: one statement covers every workspace).
insert into notification_mutes (workspace_id, user_id, kind, created_at)
select workspace_id, user_id, 'post_thread_failed', created_at
  from notification_mutes
 where kind = 'post_comment_failed';
