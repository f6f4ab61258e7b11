-- Two kinds of notification for a published post's first comment that was not written (docs/first-comments.md):
-- 'post_comment_failed' (the platform refused it for good) and 'post_comment_unknown' (Herald cannot tell whether the
-- platform took it). The kinds are a check on both tables that name them; see herald.notifications.NotificationKind.

alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check
    check (kind in ('post_failed', 'post_needs_attention', 'post_comment_failed', 'post_comment_unknown',
                    'post_awaiting_approval', 'connection_needs_reconnect', 'review_feedback'));

alter table notification_mutes drop constraint notification_mutes_kind_check;
alter table notification_mutes add constraint notification_mutes_kind_check
    check (kind in ('post_failed', 'post_needs_attention', 'post_comment_failed', 'post_comment_unknown',
                    'post_awaiting_approval', 'connection_needs_reconnect', 'review_feedback'));

-- A member who did not want to hear of failed posts does not want to hear of their failed comments either: each new
-- kind starts as the member chose for its post kind (muted or not). Migrations run as the owner role, which bypasses
-- row-level security, so one statement covers every workspace.
insert into notification_mutes (workspace_id, user_id, kind, created_at)
select workspace_id, user_id,
       case kind when 'post_failed' then 'post_comment_failed' else 'post_comment_unknown' end,
       created_at
  from notification_mutes
 where kind in ('post_failed', 'post_needs_attention');
