-- A repeating post whose next occurrence could not be made (an account disconnected, a medium deleted, the plan's
-- posts per day used up) stops repeating; 'post_repeat_stopped' tells the editors why (docs/repeating-posts.md).
alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check
    check (kind in ('post_failed', 'post_needs_attention', 'post_comment_failed', 'post_comment_unknown',
                    'post_awaiting_approval', 'post_decided', 'post_repeat_stopped', 'connection_needs_reconnect',
                    'review_feedback'));

alter table notification_mutes drop constraint notification_mutes_kind_check;
alter table notification_mutes add constraint notification_mutes_kind_check
    check (kind in ('post_failed', 'post_needs_attention', 'post_comment_failed', 'post_comment_unknown',
                    'post_awaiting_approval', 'post_decided', 'post_repeat_stopped', 'connection_needs_reconnect',
                    'review_feedback'));
