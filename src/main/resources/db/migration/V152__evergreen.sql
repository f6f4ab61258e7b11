-- Evergreen posts, as SocialBee's and MeetEdgar's content libraries recycle them: published posts an editor keeps in
-- the workspace's evergreen library are shared again, as queued copies, whenever the posting schedule has a free slot
-- in the next day, the one shared longest ago first and each at most every N days. See herald.publishing.Evergreen and
-- docs/evergreen.md.

-- The workspace's setting: at most one share of a post every so many days; null: no refilling.
alter table workspaces add column evergreen_every_days integer check (evergreen_every_days between 1 and 365);

create table post_evergreen (
    workspace_id   uuid        not null,
    post_id        uuid        not null,
    added_at       timestamptz not null default now(),
    shares         integer     not null default 0 check (shares >= 0),
    last_shared_at timestamptz,
    -- The copy of the last share, kept to link to it; the copy may be deleted since.
    last_copy_id   uuid,
    primary key (workspace_id, post_id),
    foreign key (workspace_id, post_id) references posts (workspace_id, id) on delete cascade
);

alter table post_evergreen enable row level security;
alter table post_evergreen force row level security;
create policy tenant_isolation on post_evergreen using (workspace_id = herald_current_workspace())
    with check (workspace_id = herald_current_workspace());

-- The fill's round: workspaces that refill and have an evergreen post; ids only, the fill runs in each one's scope.
create function herald_evergreen_workspaces(p_limit integer) returns table (workspace_id uuid)
    language sql stable security definer set search_path = public, pg_temp as $$
    select w.id from workspaces w
     where w.evergreen_every_days is not null
       and exists (select 1 from post_evergreen e where e.workspace_id = w.id)
     order by w.id
     limit p_limit $$;
revoke all on function herald_evergreen_workspaces(integer) from public;
grant execute on function herald_evergreen_workspaces(integer) to ${app_role};
