-- A post's first comment: a text Herald writes under each of the post's targets right after the target is published
-- (the hashtags, the link or the credits kept out of the post's own text), as Buffer, Hootsuite and Postiz do.
alter table posts add column first_comment text check (length(first_comment) between 1 and 10000);

-- Each target's comment, published effectively once like the target itself (docs/adr/0008): an attempt claims the
-- next fence and holds the comment for a lease (comment_due_at) before the platform is called; the outcome is written
-- only under the same fence. An attempt that never finished (its node died) or ended without an answer makes the next
-- one look for the comment on the platform first (comment_reconcile_since).
--   waiting: to write once the target is published; posting: an attempt holds it (or died holding it);
--   posted, failed, unknown: its outcome; skipped: its target was not published (failed or cancelled).
alter table post_targets
    add column comment_status          text check (comment_status in ('waiting', 'posting', 'posted', 'failed',
                                                                      'unknown', 'skipped')),
    add column comment_fence           integer not null default 0,
    add column comment_attempts        integer not null default 0,
    add column comment_due_at          timestamptz,
    add column comment_reconcile_since timestamptz,
    add column comment_platform_id     text,
    add column comment_url             text,
    add column comment_error           text,
    add column commented_at            timestamptz;

-- Only the comments still to write are indexed: a handful at any time, whatever the number of posts.
create index post_targets_comments_open on post_targets (comment_due_at)
    where comment_status in ('waiting', 'posting');

-- The targets whose comment is due, across workspaces: published (or settled, to be skipped) and not held by a live
-- attempt's lease. Ids only; each comment is then written in its workspace's scope.
create function herald_comments_due(p_now timestamptz, p_limit integer)
    returns table (workspace_id uuid, target_id uuid)
    language sql stable security definer set search_path = public, pg_temp as $$
    select t.workspace_id, t.id from post_targets t
     where t.comment_status in ('waiting', 'posting')
       and t.status in ('published', 'failed', 'cancelled')
       and (t.comment_due_at is null or t.comment_due_at <= p_now)
     order by t.comment_due_at nulls first, t.published_at
     limit p_limit $$;
revoke all on function herald_comments_due(timestamptz, integer) from public;
grant execute on function herald_comments_due(timestamptz, integer) to ${app_role};
