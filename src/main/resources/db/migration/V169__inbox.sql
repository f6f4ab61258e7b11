-- The inbox, as Hootsuite's Inbox and Buffer's Community read them: the comments other people write under a
-- workspace's published posts, read from the platforms that let Herald read them, listed for the workspace's members
-- to answer or mark done. See herald.inbox and docs/inbox.md.
--
-- Nothing on the publish path writes here: the inbox's sweep finds newly published targets itself, as the analytics
-- sweep does (V129), so a publish costs no extra statement.

-- The published targets whose comments are read: read often while the post is young, then more and more rarely, and
-- no more once next_read_at is null (the post is old, or the platform refused for good: last_error says why).
create table inbox_watches (
    workspace_id     uuid        not null,
    target_id        uuid        not null,
    post_id          uuid        not null,
    connection_id    uuid        not null,
    provider         text        not null,
    account_handle   text        not null,
    platform_post_id text        not null,
    published_at     timestamptz not null,
    next_read_at     timestamptz,
    read_at          timestamptz,
    last_error       text        check (length(last_error) <= 500),
    primary key (workspace_id, target_id),
    foreign key (workspace_id, target_id) references post_targets (workspace_id, id) on delete cascade
);

-- The sweep's queue, across workspaces (through herald_inbox_due): only rows still to be read.
create index inbox_watches_due on inbox_watches (next_read_at) where next_read_at is not null;
-- The discovery's "latest tracked" per workspace, and "check now" of one workspace.
create index inbox_watches_published on inbox_watches (workspace_id, published_at);

alter table inbox_watches enable row level security;
alter table inbox_watches force row level security;
create policy tenant_isolation on inbox_watches using (workspace_id = herald_current_workspace())
    with check (workspace_id = herald_current_workspace());

-- One comment someone wrote under a published target, as the platform showed it when it was found; done_at when a
-- member marked it done (or answered it), the workspace's answer once it was sent (reply_started_at while it is
-- being sent, so that a second click does not answer twice).
create table inbox_comments (
    workspace_id      uuid        not null,
    id                uuid        not null,
    target_id         uuid        not null,
    post_id           uuid        not null,
    connection_id     uuid        not null,
    provider          text        not null,
    external_id       text        not null check (length(external_id) between 1 and 500),
    reply_to          text        check (length(reply_to) <= 500),
    author_handle     text        not null check (length(author_handle) between 1 and 300),
    author_name       text        not null check (length(author_name) between 1 and 300),
    text              text        not null check (length(text) <= 20000),
    url               text        check (length(url) <= 2000),
    written_at        timestamptz not null,
    found_at          timestamptz not null,
    done_at           timestamptz,
    done_by           text,
    reply_started_at  timestamptz,
    reply_text        text,
    reply_external_id text,
    reply_url         text,
    replied_at        timestamptz,
    replied_by        text,
    primary key (workspace_id, id),
    unique (workspace_id, target_id, external_id),
    foreign key (workspace_id, target_id) references post_targets (workspace_id, id) on delete cascade
);

-- The page and the API list newest first, the open ones by default.
create index inbox_comments_newest on inbox_comments (workspace_id, written_at desc, id desc);
create index inbox_comments_open on inbox_comments (workspace_id, written_at desc, id desc) where done_at is null;

alter table inbox_comments enable row level security;
alter table inbox_comments force row level security;
create policy tenant_isolation on inbox_comments using (workspace_id = herald_current_workspace())
    with check (workspace_id = herald_current_workspace());

-- Starts watching the targets published on the given platforms since the workspace's latest watched one (less an
-- overlap for commits that landed late), or in the last p_backfill for a workspace with none: one probe of each
-- workspace's published-targets index. Returns how many rows it added.
create function herald_inbox_track(p_now timestamptz, p_first_read interval, p_overlap interval,
                                   p_backfill interval, p_providers text[], p_limit integer)
    returns integer
    language sql volatile security definer set search_path = public, pg_temp as $$
    with found as (
        select t.workspace_id, t.id, t.post_id, t.connection_id, t.provider, t.account_handle, t.platform_post_id,
               t.published_at
          from workspaces w
         cross join lateral (
             select coalesce(max(i.published_at) - p_overlap, p_now - p_backfill) as since
               from inbox_watches i where i.workspace_id = w.id) latest
         cross join lateral (
             select t.* from post_targets t
              where t.workspace_id = w.id and t.status = 'published' and t.published_at > latest.since
                and t.platform_post_id is not null and t.provider = any(p_providers)
                and not exists (select 1 from inbox_watches i
                                 where i.workspace_id = t.workspace_id and i.target_id = t.id)
              order by t.published_at
              limit p_limit) t
         limit p_limit
    ), added as (
        insert into inbox_watches (workspace_id, target_id, post_id, connection_id, provider, account_handle,
                                   platform_post_id, published_at, next_read_at)
        select f.workspace_id, f.id, f.post_id, f.connection_id, f.provider, f.account_handle, f.platform_post_id,
               f.published_at, greatest(f.published_at + p_first_read, p_now)
          from found f
        on conflict do nothing
        returning 1
    )
    select count(*)::integer from added $$;
revoke all on function herald_inbox_track(timestamptz, interval, interval, interval, text[], integer) from public;
grant execute on function herald_inbox_track(timestamptz, interval, interval, interval, text[], integer)
    to ${app_role};

-- The targets due for a reading, across workspaces (or of one, when p_workspace is given), the longest waiting first;
-- ids only.
create function herald_inbox_due(p_now timestamptz, p_limit integer, p_workspace uuid)
    returns table (workspace_id uuid, target_id uuid)
    language sql stable security definer set search_path = public, pg_temp as $$
    select i.workspace_id, i.target_id from inbox_watches i
     where i.next_read_at <= p_now and (p_workspace is null or i.workspace_id = p_workspace)
     order by i.next_read_at limit p_limit $$;
revoke all on function herald_inbox_due(timestamptz, integer, uuid) from public;
grant execute on function herald_inbox_due(timestamptz, integer, uuid) to ${app_role};
