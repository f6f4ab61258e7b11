-- A workspace's posting schedule: the local times of each weekday that "add to queue" fills, in the workspace's own
-- zone. A workspace without rows uses the default schedule (every day at 09:00, 12:00 and 17:00). See herald.publishing.PostingSchedule.

create table posting_slots (
    workspace_id uuid     not null references workspaces (id) on delete cascade,
    weekday      smallint not null check (weekday between 1 and 7),
    at           time     not null check (extract(second from at) = 0),
    primary key (workspace_id, weekday, at)
);

alter table posting_slots enable row level security;
alter table posting_slots force row level security;
create policy tenant_isolation on posting_slots using (workspace_id = herald_current_workspace())
    with check (workspace_id = herald_current_workspace());
