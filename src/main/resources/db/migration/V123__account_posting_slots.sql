-- An account's own posting schedule, when it should not follow the workspace's (LinkedIn on weekday mornings,
-- Instagram in the evening): the local times of each weekday, in the workspace's zone. An account without rows follows
-- posting_slots. A post queued to several accounts takes a time that is a slot on each of their schedules.
-- See herald.publishing.PostingSchedule.

create table account_posting_slots (
    workspace_id  uuid     not null,
    connection_id uuid     not null,
    weekday       smallint not null check (weekday between 1 and 7),
    at            time     not null check (extract(second from at) = 0),
    primary key (workspace_id, connection_id, weekday, at),
    foreign key (workspace_id, connection_id) references connections (workspace_id, id) on delete cascade
);

alter table account_posting_slots enable row level security;
alter table account_posting_slots force row level security;
create policy tenant_isolation on account_posting_slots using (workspace_id = herald_current_workspace())
    with check (workspace_id = herald_current_workspace());
