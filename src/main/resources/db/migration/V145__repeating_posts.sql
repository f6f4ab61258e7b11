-- Repeating posts (Postiz's "repeat post"): a post may repeat every day, week, two weeks, four weeks or month,
-- optionally until a local day. Once an occurrence's time has come, Herald creates the next occurrence, a post of its
-- own with the same words, media and accounts at the next local time, which repeats in turn. next_post_id says the
-- next one was made (exactly once: the row is locked and set in the transaction that stores it); ended says why the
-- series ended at this occurrence instead (its last day passed, a person stopped it, the next could not be made).
create table post_repeats (
    workspace_id uuid        not null,
    post_id      uuid        not null,
    every        text        not null check (every in ('day', 'week', 'two_weeks', 'four_weeks', 'month')),
    until        date,
    -- The series' first local time and zone, and which occurrence this post is (1: the first): the n-th is the first
    -- plus n-1 intervals, so "every month" from 31 January gives 28 February, then 31 March.
    starts_at    timestamp   not null,
    zone         text        not null,
    occurrence   integer     not null default 1 check (occurrence >= 1),
    next_post_id uuid,
    ended        text check (length(ended) <= 1000),
    created_at   timestamptz not null default now(),
    primary key (workspace_id, post_id),
    foreign key (workspace_id, post_id) references posts (workspace_id, id) on delete cascade
);

alter table post_repeats enable row level security;
alter table post_repeats force row level security;
create policy tenant_isolation on post_repeats using (workspace_id = herald_current_workspace())
    with check (workspace_id = herald_current_workspace());

-- The sweep's queue: series whose latest occurrence has neither a successor nor an end.
create index post_repeats_open on post_repeats (workspace_id, post_id) where next_post_id is null and ended is null;

-- The occurrences whose time has come and whose next is to be made, across workspaces, the longest waiting first;
-- ids only: the next occurrence is made inside the workspace's scope. A draft or a post awaiting approval waits.
create function herald_repeats_due(p_now timestamptz, p_limit integer)
    returns table (workspace_id uuid, post_id uuid)
    language sql stable security definer set search_path = public, pg_temp as $$
    select r.workspace_id, r.post_id
      from post_repeats r
      join posts p on p.workspace_id = r.workspace_id and p.id = r.post_id
     where r.next_post_id is null and r.ended is null
       and coalesce(p.scheduled_at, p.created_at) <= p_now
       and p.status not in ('draft', 'pending_approval')
     order by coalesce(p.scheduled_at, p.created_at)
     limit p_limit $$;
revoke all on function herald_repeats_due(timestamptz, integer) from public;
grant execute on function herald_repeats_due(timestamptz, integer) to ${app_role};
