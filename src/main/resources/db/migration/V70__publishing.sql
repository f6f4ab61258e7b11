-- Posts, their targets (one per chosen connection) and the journal of publish attempts.
--
-- A target's fence counts its attempts: an attempt is journaled (committed) with the next fence before the platform is
-- called, and its outcome is written only where the target still carries that fence, so an attempt overtaken by a
-- newer one (a zombie on a node thought dead) cannot overwrite it. reconcile_since is set when an attempt ended
-- without a known outcome: every later attempt asks the platform for the post first (docs/adr/0008).

create table posts (
    workspace_id uuid        not null references workspaces (id) on delete cascade,
    id           uuid        not null,
    body         text        not null check (length(body) <= 10000),
    link         text,
    media_ids    uuid[]      not null default '{}',
    status       text        not null check (status in ('draft', 'pending_approval', 'scheduled', 'publishing',
                                                         'published', 'partially_failed', 'failed', 'cancelled')),
    scheduled_at timestamptz,
    timezone     text,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    primary key (workspace_id, id)
);
create index posts_listing on posts (workspace_id, coalesce(scheduled_at, created_at) desc, id desc);
create index posts_media on posts using gin (media_ids);

create table post_targets (
    workspace_id     uuid        not null references workspaces (id) on delete cascade,
    id               uuid        not null,
    post_id          uuid        not null,
    connection_id    uuid        not null,
    provider         text        not null,
    account          text        not null,
    account_handle   text        not null,
    body             text,
    status           text        not null check (status in ('scheduled', 'publishing', 'published', 'failed',
                                                             'unknown', 'cancelled')),
    due_at           timestamptz,
    attempts         integer     not null default 0,
    fence            integer     not null default 0,
    reconcile_since  timestamptz,
    platform_post_id text,
    platform_url     text,
    last_error       text,
    published_at     timestamptz,
    updated_at       timestamptz not null default now(),
    primary key (workspace_id, id),
    unique (workspace_id, post_id, connection_id),
    foreign key (workspace_id, post_id) references posts (workspace_id, id) on delete cascade,
    foreign key (workspace_id, connection_id) references connections (workspace_id, id)
);
create index post_targets_post on post_targets (workspace_id, post_id);
create index post_targets_connection on post_targets (workspace_id, connection_id, status);

create table publish_attempts (
    workspace_id uuid        not null references workspaces (id) on delete cascade,
    target_id    uuid        not null,
    fence        integer     not null,
    reconciling  boolean     not null,
    node         text        not null,
    started_at   timestamptz not null default now(),
    finished_at  timestamptz,
    outcome      text check (outcome in ('published', 'reconciled', 'retry', 'failed', 'unknown', 'fenced')),
    detail       text,
    primary key (workspace_id, target_id, fence),
    foreign key (workspace_id, target_id) references post_targets (workspace_id, id) on delete cascade
);
create index publish_attempts_open on publish_attempts (workspace_id, started_at) where finished_at is null;

do $$
declare t text;
begin
    foreach t in array array['posts', 'post_targets', 'publish_attempts'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (workspace_id = herald_current_workspace())'
                       ' with check (workspace_id = herald_current_workspace())', t);
    end loop;
end $$;

-- The safety net of the dispatcher, across workspaces: targets due for a while and still scheduled (their job was
-- lost, say the node died between the commit and scheduling it). Ids only; the work runs in the tenant's scope.
create function herald_publish_targets_overdue(due_before timestamptz, max_rows integer)
    returns table (workspace_id uuid, target_id uuid)
    language sql stable security definer set search_path = public, pg_temp as $$
    select t.workspace_id, t.id from post_targets t
     where t.status in ('scheduled', 'publishing') and t.due_at < due_before
     order by t.due_at limit max_rows
$$;
revoke all on function herald_publish_targets_overdue(timestamptz, integer) from public;
grant execute on function herald_publish_targets_overdue(timestamptz, integer) to ${app_role};
