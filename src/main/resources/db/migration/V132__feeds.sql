-- Feeds: a blog's or shop's RSS/Atom feed whose new items become posts for chosen accounts, as drafts to review or
-- straight into the posting queue (docs/feeds.md). See herald.feeds.
--
-- feeds.connection_ids are the accounts its posts go to. An array, not a join table: a post is validated against its
-- accounts when it is created, so an account disconnected since makes that item's post fail with a reason (recorded
-- on the item) instead of a dangling reference.
-- feed_items remembers every item seen, by a hash of its guid (or link), unique per feed: the row is inserted in the
-- transaction that creates the item's post, so however many nodes or retries check a feed, an item makes one post.

create table feeds (
    workspace_id    uuid        not null references workspaces (id) on delete cascade,
    id              uuid        not null,
    url             text        not null check (length(url) between 8 and 2000),
    title           text        not null default '' check (length(title) <= 300),
    connection_ids  uuid[]      not null check (cardinality(connection_ids) between 1 and 20),
    mode            text        not null check (mode in ('draft', 'queue')),
    template        text        not null default '{title} {link}' check (length(template) between 1 and 1000),
    tags            text[]      not null default '{}',
    enabled         boolean     not null default true,
    last_checked_at timestamptz,
    next_check_at   timestamptz not null,
    last_error      text check (length(last_error) <= 500),
    failures        integer     not null default 0 check (failures >= 0),
    etag            text check (length(etag) <= 500),
    last_modified   text check (length(last_modified) <= 100),
    created_by      text        not null default '' check (length(created_by) <= 200),
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    primary key (workspace_id, id)
);

create unique index feeds_url on feeds (workspace_id, url);
-- The sweep's queue, across workspaces (through herald_feeds_due): only feeds that are on.
create index feeds_due on feeds (next_check_at) where enabled;

create table feed_items (
    workspace_id uuid        not null,
    feed_id      uuid        not null,
    id           uuid        not null,
    item_key     text        not null check (length(item_key) = 64),
    title        text        not null default '' check (length(title) <= 300),
    link         text check (length(link) <= 2000),
    published_at timestamptz,
    outcome      text        not null check (outcome in ('seen', 'posted', 'skipped')),
    post_id      uuid,
    reason       text check (length(reason) <= 1000),
    seen_at      timestamptz not null default now(),
    primary key (workspace_id, id),
    foreign key (workspace_id, feed_id) references feeds (workspace_id, id) on delete cascade,
    -- A post deleted later leaves the item seen (so it is not posted again), without its post.
    foreign key (workspace_id, post_id) references posts (workspace_id, id) on delete set null (post_id)
);

create unique index feed_items_key on feed_items (workspace_id, feed_id, item_key);
create index feed_items_recent on feed_items (workspace_id, feed_id, seen_at desc, id);

do $$
declare t text;
begin
    foreach t in array array['feeds', 'feed_items'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (workspace_id = herald_current_workspace())'
                       ' with check (workspace_id = herald_current_workspace())', t);
    end loop;
end $$;

-- The feeds due for a check, across workspaces, the longest waiting first; ids only: the check itself runs inside
-- the workspace's scope.
create function herald_feeds_due(p_now timestamptz, p_limit integer)
    returns table (workspace_id uuid, feed_id uuid)
    language sql stable security definer set search_path = public, pg_temp as $$
    select f.workspace_id, f.id from feeds f
     where f.enabled and f.next_check_at <= p_now
     order by f.next_check_at limit p_limit $$;
revoke all on function herald_feeds_due(timestamptz, integer) from public;
grant execute on function herald_feeds_due(timestamptz, integer) to ${app_role};
