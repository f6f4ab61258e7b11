-- E-mail for the in-app notifications: how each member wants them in a workspace (at once, a daily digest, or not at
-- all), and one row per notification to e-mail, which records whether it was sent. See
-- herald.notifications.NotificationEmails and docs/notifications.md ("Email").

-- A member's choice in one workspace. No row: the default of a member who joined after this migration, "immediately".
create table notification_email_settings (
    workspace_id uuid        not null,
    user_id      uuid        not null,
    delivery     text        not null check (delivery in ('immediately', 'daily', 'off')),
    -- The digest's hour in the workspace's time zone.
    digest_hour  smallint    not null default 8 check (digest_hour between 0 and 23),
    updated_at   timestamptz not null default now(),
    primary key (workspace_id, user_id),
    foreign key (workspace_id, user_id) references memberships (workspace_id, user_id) on delete cascade
);

alter table notification_email_settings enable row level security;
alter table notification_email_settings force row level security;
create policy tenant_isolation on notification_email_settings using (workspace_id = herald_current_workspace())
    with check (workspace_id = herald_current_workspace());

-- Members who were here before e-mail existed asked for none: theirs is off until they choose otherwise. Migrations
-- run as the owner role, which bypasses row-level security, so one statement covers every workspace.
insert into notification_email_settings (workspace_id, user_id, delivery)
select workspace_id, user_id, 'off' from memberships;

-- One notification to e-mail to its member, due at once or at their digest hour. Claimed by pushing due_at to the
-- next attempt and counting the attempt, in a transaction of its own, before the SMTP call; marked sent after it. So
-- a node that dies mid-send leaves the row pending for a later attempt, and two nodes never send it both.
create table notification_emails (
    workspace_id    uuid        not null,
    notification_id uuid        not null,
    user_id         uuid        not null,
    delivery        text        not null check (delivery in ('immediately', 'daily')),
    status          text        not null default 'pending' check (status in ('pending', 'sent', 'skipped', 'failed')),
    due_at          timestamptz not null,
    attempts        integer     not null default 0 check (attempts >= 0),
    created_at      timestamptz not null default now(),
    sent_at         timestamptz,
    primary key (workspace_id, notification_id),
    foreign key (workspace_id, notification_id) references notifications (workspace_id, id) on delete cascade,
    foreign key (workspace_id, user_id) references memberships (workspace_id, user_id) on delete cascade
);

create index notification_emails_due on notification_emails (due_at) where status = 'pending';
create index notification_emails_of_user on notification_emails (workspace_id, user_id) where status = 'pending';

alter table notification_emails enable row level security;
alter table notification_emails force row level security;
create policy tenant_isolation on notification_emails using (workspace_id = herald_current_workspace())
    with check (workspace_id = herald_current_workspace());

-- The members with e-mail due, across workspaces, ids only: the sending job then works inside each workspace.
create function herald_notification_emails_due(due_before timestamptz, max_rows integer)
    returns table (workspace_id uuid, user_id uuid)
    language sql stable security definer set search_path = public, pg_temp as $$
    select e.workspace_id, e.user_id from notification_emails e
     where e.status = 'pending' and e.due_at <= due_before
     group by e.workspace_id, e.user_id
     order by min(e.due_at) limit max_rows
$$;
revoke all on function herald_notification_emails_due(timestamptz, integer) from public;
grant execute on function herald_notification_emails_due(timestamptz, integer) to ${app_role};
