-- What the platforms count about each published target (views, likes, comments, shares...), read again at steps after
-- publishing (an hour, six hours, a day, three days, a week, a month) as the numbers settle. One row per published
-- target: its latest reading, the two figures Herald compares across platforms (views and engagements), when it is to
-- be read next (null when done) and why a reading stopped. See herald.analytics and docs/analytics.md.
--
-- Nothing on the publish path writes here: the analytics sweep finds newly published targets itself (below), so a
-- publish costs no extra statement and an event lost with a node loses no post's figures.

create table post_metrics (
    workspace_id  uuid        not null,
    target_id     uuid        not null,
    post_id       uuid        not null,
    connection_id uuid        not null,
    provider      text        not null,
    account       text        not null,
    published_at  timestamptz not null,
    counts        jsonb       not null default '{}',
    views         bigint,
    engagements   bigint,
    reads         integer     not null default 0,
    read_at       timestamptz,
    next_read_at  timestamptz,
    last_error    text        check (length(last_error) <= 500),
    primary key (workspace_id, target_id),
    foreign key (workspace_id, target_id) references post_targets (workspace_id, id) on delete cascade
);

-- The sweep's queue, across workspaces (through herald_post_metrics_due): only rows still to be read.
create index post_metrics_due on post_metrics (next_read_at) where next_read_at is not null;
-- Reports by publishing date, and the discovery's "latest tracked" per workspace.
create index post_metrics_published on post_metrics (workspace_id, published_at);
create index post_metrics_post on post_metrics (workspace_id, post_id);

alter table post_metrics enable row level security;
alter table post_metrics force row level security;
create policy tenant_isolation on post_metrics using (workspace_id = herald_current_workspace())
    with check (workspace_id = herald_current_workspace());

-- Starts tracking the targets published since the workspace's latest tracked one (less an overlap for commits that
-- landed late), or in the last p_backfill for a workspace with none: one probe of each workspace's published-targets
-- index, so the sweep costs little where nothing was published. Returns how many rows it added.
create function herald_post_metrics_track(p_now timestamptz, p_first_read interval, p_overlap interval,
                                          p_backfill interval, p_limit integer)
    returns integer
    language sql volatile security definer set search_path = public, pg_temp as $$
    with found as (
        select t.workspace_id, t.id, t.post_id, t.connection_id, t.provider, t.account, t.published_at
          from workspaces w
         cross join lateral (
             select coalesce(max(m.published_at) - p_overlap, p_now - p_backfill) as since
               from post_metrics m where m.workspace_id = w.id) latest
         cross join lateral (
             select t.* from post_targets t
              where t.workspace_id = w.id and t.status = 'published' and t.published_at > latest.since
                and t.platform_post_id is not null
                and not exists (select 1 from post_metrics m
                                 where m.workspace_id = t.workspace_id and m.target_id = t.id)
              order by t.published_at
              limit p_limit) t
         limit p_limit
    ), added as (
        insert into post_metrics (workspace_id, target_id, post_id, connection_id, provider, account,
                                  published_at, next_read_at)
        select f.workspace_id, f.id, f.post_id, f.connection_id, f.provider, f.account, f.published_at,
               greatest(f.published_at + p_first_read, p_now)
          from found f
        on conflict do nothing
        returning 1
    )
    select count(*)::integer from added $$;
revoke all on function herald_post_metrics_track(timestamptz, interval, interval, interval, integer) from public;
grant execute on function herald_post_metrics_track(timestamptz, interval, interval, interval, integer)
    to ${app_role};

-- The targets due for a reading, across workspaces (or of one, when p_workspace is given), the longest waiting first;
-- ids only.
create function herald_post_metrics_due(p_now timestamptz, p_limit integer, p_workspace uuid)
    returns table (workspace_id uuid, target_id uuid, post_id uuid)
    language sql stable security definer set search_path = public, pg_temp as $$
    select m.workspace_id, m.target_id, m.post_id from post_metrics m
     where m.next_read_at <= p_now and (p_workspace is null or m.workspace_id = p_workspace)
     order by m.next_read_at limit p_limit $$;
revoke all on function herald_post_metrics_due(timestamptz, integer, uuid) from public;
grant execute on function herald_post_metrics_due(timestamptz, integer, uuid) to ${app_role};
