-- Audience growth: once a day, each active connection's follower count (and, where the platform says, whom it follows
-- and how many posts it has), as Buffer and Hootsuite chart an account's "Audience". One row per connection and UTC
-- day: the primary key makes a second snapshot of the same day, by another node or a second run, an update of nothing.
-- A reading that failed leaves the day's row without counts (read_at null), with why and when to try again. See
-- herald.analytics (AudienceCollector) and docs/analytics.md.

create table audience_snapshots (
    workspace_id  uuid        not null,
    connection_id uuid        not null,
    day           date        not null,
    followers     bigint      check (followers >= 0),
    following     bigint      check (following >= 0),
    posts         bigint      check (posts >= 0),
    read_at       timestamptz,
    attempts      integer     not null default 1,
    last_error    text        check (length(last_error) <= 500),
    retry_at      timestamptz,
    primary key (workspace_id, connection_id, day),
    foreign key (workspace_id, connection_id) references connections (workspace_id, id) on delete cascade,
    check (read_at is null or followers is not null)
);

alter table audience_snapshots enable row level security;
alter table audience_snapshots force row level security;
create policy tenant_isolation on audience_snapshots using (workspace_id = herald_current_workspace())
    with check (workspace_id = herald_current_workspace());

-- The connections whose snapshot of p_day is still to take, across workspaces (or of one, when p_workspace is given):
-- active, of a platform that counts followers (p_providers), not read that day, and not waiting after a failure.
-- Ids only; each reading then runs in its workspace's scope.
create function herald_audience_due(p_day date, p_now timestamptz, p_providers text[], p_limit integer,
                                    p_workspace uuid)
    returns table (workspace_id uuid, connection_id uuid)
    language sql stable security definer set search_path = public, pg_temp as $$
    select c.workspace_id, c.id from connections c
     where c.status = 'active' and c.provider = any(p_providers)
       and (p_workspace is null or c.workspace_id = p_workspace)
       and not exists (select 1 from audience_snapshots s
                        where s.workspace_id = c.workspace_id and s.connection_id = c.id and s.day = p_day
                          and (s.read_at is not null or s.retry_at > p_now))
     order by c.workspace_id, c.id
     limit p_limit $$;
revoke all on function herald_audience_due(date, timestamptz, text[], integer, uuid) from public;
grant execute on function herald_audience_due(date, timestamptz, text[], integer, uuid) to ${app_role};
