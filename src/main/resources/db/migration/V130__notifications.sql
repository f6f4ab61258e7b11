-- The in-app notification centre: what needs a person (a failed post, one whose outcome is unknown, one awaiting
-- approval, an account to reconnect), one row per member who can act on it, shown behind the bell in the header.
-- A member leaving takes their notifications and mutes along (the foreign keys on memberships); so does a deleted
-- post or connection. See herald.notifications.Notifications and docs/notifications.md.

create table notifications (
    workspace_id  uuid        not null,
    id            uuid        not null,
    user_id       uuid        not null,
    kind          text        not null check (kind in ('post_failed', 'post_needs_attention', 'post_awaiting_approval',
                                                       'connection_needs_reconnect', 'review_feedback')),
    title         text        not null check (length(title) between 1 and 200),
    body          text        not null check (length(body) <= 2000),
    -- A path inside Herald, never another host: "/w/krusty/posts/…", not "//evil.example" or "https://…".
    link          text        not null check (link ~ '^/[A-Za-z0-9]' and length(link) <= 500),
    post_id       uuid,
    connection_id uuid,
    -- How many events this one row stands for: several targets of one post failing together make one notification.
    occurrences   integer     not null default 1 check (occurrences >= 1),
    created_at    timestamptz not null default now(),
    read_at       timestamptz,
    primary key (workspace_id, id),
    foreign key (workspace_id, user_id) references memberships (workspace_id, user_id) on delete cascade,
    foreign key (workspace_id, post_id) references posts (workspace_id, id) on delete cascade,
    foreign key (workspace_id, connection_id) references connections (workspace_id, id) on delete cascade
);

-- The bell's count and the top of the page: my unread, newest first.
create index notifications_unread on notifications (workspace_id, user_id, created_at desc, id desc)
    where read_at is null;
-- The page, read and unread, newest first, continuing after a cursor.
create index notifications_of_user on notifications (workspace_id, user_id, created_at desc, id desc);
-- Coalescing: at most one unread notification of a kind about one post (or connection) per member; another event
-- about it while it is unread adds to that row (insert ... on conflict) instead of a new one.
create unique index notifications_coalesced
    on notifications (workspace_id, user_id, kind, (coalesce(post_id, connection_id)))
    where read_at is null;
-- The cascades from posts and connections, and the retention sweep across workspaces.
create index notifications_of_post on notifications (workspace_id, post_id) where post_id is not null;
create index notifications_of_connection on notifications (workspace_id, connection_id) where connection_id is not null;
create index notifications_created on notifications (created_at);

alter table notifications enable row level security;
alter table notifications force row level security;
create policy tenant_isolation on notifications using (workspace_id = herald_current_workspace())
    with check (workspace_id = herald_current_workspace());

-- A member's muted kinds in one workspace: a row per kind they do not want; no row, every kind they can act on.
create table notification_mutes (
    workspace_id uuid        not null,
    user_id      uuid        not null,
    kind         text        not null check (kind in ('post_failed', 'post_needs_attention', 'post_awaiting_approval',
                                                      'connection_needs_reconnect', 'review_feedback')),
    created_at   timestamptz not null default now(),
    primary key (workspace_id, user_id, kind),
    foreign key (workspace_id, user_id) references memberships (workspace_id, user_id) on delete cascade
);

alter table notification_mutes enable row level security;
alter table notification_mutes force row level security;
create policy tenant_isolation on notification_mutes using (workspace_id = herald_current_workspace())
    with check (workspace_id = herald_current_workspace());

-- Retention (herald.notifications.retention, 90 days by default) runs across workspaces, under row-level security,
-- through this function, at most max_rows rows a call so that no transaction grows with the table.
create function herald_notifications_prune(created_before timestamptz, max_rows integer) returns integer
    language sql volatile security definer set search_path = public, pg_temp
    as $$ with pruned as (
              delete from notifications
              where (workspace_id, id) in (select workspace_id, id from notifications
                                           where created_at < created_before order by created_at limit max_rows)
              returning 1)
          select count(*)::integer from pruned $$;
revoke all on function herald_notifications_prune(timestamptz, integer) from public;
grant execute on function herald_notifications_prune(timestamptz, integer) to ${app_role};
