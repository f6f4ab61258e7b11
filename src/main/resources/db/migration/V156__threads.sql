-- Threads, as Buffer, Typefully and Postiz write them on X: a post may go on in parts, each published right after the
-- one before as a reply to it, on the accounts whose platform has threads (X, the Sandbox); elsewhere the post goes
-- out alone. See herald.publishing.ThreadParts and docs/threads.md.

-- The post's parts after its own text, in order: at most 24 (a thread of 25 posts, as X's composer allows).
alter table posts add column thread text[] not null default '{}' check (cardinality(thread) <= 24);

-- Each part on each threaded target, published effectively once like the target and its first comment (docs/adr/0008):
-- an attempt claims the next fence and holds the part for a lease (due_at) before the platform is called; the outcome
-- is written only under the same fence; an attempt that never finished, or ended without an answer, makes the next one
-- look for the part on the platform first (reconcile_since). Part n answers part n - 1 (part 1 the post itself), so it
-- is written only once the one before it is posted.
--   waiting: to write once the one before is out; posting: an attempt holds it (or died holding it);
--   posted, failed, unknown: its outcome; skipped: the post or a part before it did not go out.
create table post_thread_parts (
    workspace_id    uuid        not null,
    target_id       uuid        not null,
    position        integer     not null check (position between 1 and 24),
    post_id         uuid        not null,
    status          text        not null check (status in ('waiting', 'posting', 'posted', 'failed', 'unknown',
                                                           'skipped')),
    fence           integer     not null default 0,
    attempts        integer     not null default 0,
    due_at          timestamptz,
    reconcile_since timestamptz,
    platform_id     text,
    url             text,
    error           text,
    posted_at       timestamptz,
    primary key (workspace_id, target_id, position),
    foreign key (workspace_id, target_id) references post_targets (workspace_id, id) on delete cascade
);

alter table post_thread_parts enable row level security;
alter table post_thread_parts force row level security;
create policy tenant_isolation on post_thread_parts using (workspace_id = herald_current_workspace())
    with check (workspace_id = herald_current_workspace());

-- Only the parts still to write are indexed: a handful at any time, whatever the number of posts.
create index post_thread_parts_open on post_thread_parts (due_at) where status in ('waiting', 'posting');

-- The parts whose time came, across workspaces, of the platforms the asking node has: those whose post (part 1) or
-- part before is settled, and not held by a live attempt's lease. Ids only; each part is then written in its
-- workspace's scope.
create function herald_thread_parts_due(p_now timestamptz, p_limit integer, p_providers text[])
    returns table (workspace_id uuid, target_id uuid, part integer)
    language sql stable security definer set search_path = public, pg_temp as $$
    select p.workspace_id, p.target_id, p.position from post_thread_parts p
      join post_targets t on t.workspace_id = p.workspace_id and t.id = p.target_id
     where p.status in ('waiting', 'posting')
       and (p.due_at is null or p.due_at <= p_now)
       and t.provider = any (p_providers)
       and case when p.position = 1 then t.status in ('published', 'failed', 'cancelled')
                else exists (select 1 from post_thread_parts b
                              where b.workspace_id = p.workspace_id and b.target_id = p.target_id
                                and b.position = p.position - 1 and b.status in ('posted', 'failed', 'skipped'))
           end
     order by p.due_at nulls first, p.target_id, p.position
     limit p_limit $$;
revoke all on function herald_thread_parts_due(timestamptz, integer, text[]) from public;
grant execute on function herald_thread_parts_due(timestamptz, integer, text[]) to ${app_role};

-- A thread part's links are published as short links too, when its post shortens them.
alter table short_links drop constraint short_links_part_check;
alter table short_links add constraint short_links_part_check
    check (part in ('text', 'link', 'comment', 'bio', 'thread'));

-- The Sandbox's replies: a post that answers another (a thread's next part), as X's in_reply_to_tweet_id.
create table sandbox_replies (
    post_id  uuid primary key references sandbox_posts (id) on delete cascade,
    reply_to uuid not null
);
