-- Foundation: workspaces, users, memberships, invitations, API keys, the audit log, and the plumbing of
-- row-level security. Runs as the owner role; ${app_role} is the runtime role, which owns nothing.
--
-- Tenant isolation: every tenant-owned table carries workspace_id, has RLS enabled and forced, and one policy
-- on the transaction-local setting herald.workspace_id. When the setting is unset, current_setting(..., true)
-- is null and the policy matches nothing: isolation fails closed.

grant usage on schema public to ${app_role};
alter default privileges in schema public grant select, insert, update, delete on tables to ${app_role};
alter default privileges in schema public grant usage, select on sequences to ${app_role};
alter default privileges in schema public revoke execute on functions from public;

create function herald_current_workspace() returns uuid
    language sql stable
    as $$ select nullif(current_setting('herald.workspace_id', true), '')::uuid $$;
grant execute on function herald_current_workspace() to ${app_role};

-- Global: a person signs in once and may belong to many workspaces.
create table users (
    id               uuid primary key,
    email            text        not null unique check (email = lower(email)),
    display_name     text        not null,
    password_hash    text        not null,
    created_at       timestamptz not null default now(),
    failed_sign_ins  integer     not null default 0,
    next_attempt_at  timestamptz,
    locked_until     timestamptz
);

create table workspaces (
    id           uuid primary key,
    name         text        not null check (length(name) between 1 and 100),
    slug         text        not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    timezone     text        not null,
    plan         text        not null,
    description  text        not null default '',
    created_at   timestamptz not null default now()
);
alter table workspaces enable row level security;
alter table workspaces force row level security;
create policy tenant_isolation on workspaces
    using (id = herald_current_workspace())
    with check (id = herald_current_workspace());

create table memberships (
    workspace_id uuid        not null references workspaces (id) on delete cascade,
    user_id      uuid        not null references users (id) on delete cascade,
    role         text        not null check (role in ('owner', 'admin', 'editor', 'viewer')),
    created_at   timestamptz not null default now(),
    primary key (workspace_id, user_id)
);
create index memberships_user on memberships (user_id);

create table invitations (
    workspace_id uuid        not null references workspaces (id) on delete cascade,
    id           uuid        not null,
    email        text,
    role         text        not null check (role in ('admin', 'editor', 'viewer')),
    token_hash   bytea       not null unique,
    invited_by   uuid        references users (id) on delete set null,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    accepted_at  timestamptz,
    accepted_by  uuid        references users (id) on delete set null,
    revoked_at   timestamptz,
    primary key (workspace_id, id)
);

create table api_keys (
    workspace_id uuid        not null references workspaces (id) on delete cascade,
    id           uuid        not null,
    name         text        not null check (length(name) between 1 and 100),
    prefix       text        not null,
    secret_hash  bytea       not null unique,
    scopes       text[]      not null,
    created_by   uuid        references users (id) on delete set null,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    primary key (workspace_id, id)
);

-- Append-only and hash-chained per workspace: hash = sha256(prev_hash || canonical row).
create table audit_events (
    workspace_id uuid        not null references workspaces (id) on delete cascade,
    seq          bigint      generated always as identity,
    id           uuid        not null,
    occurred_at  timestamptz not null,
    actor_type   text        not null check (actor_type in ('user', 'api_key', 'agent', 'system', 'operator')),
    actor_id     text,
    actor_label  text,
    action       text        not null,
    target_type  text,
    target_id    text,
    details      jsonb       not null default '{}',
    ip           text,
    user_agent   text,
    prev_hash    bytea,
    hash         bytea       not null,
    primary key (workspace_id, seq),
    unique (workspace_id, id)
);
create index audit_events_time on audit_events (workspace_id, occurred_at desc);

do $$
declare t text;
begin
    foreach t in array array['memberships', 'invitations', 'api_keys', 'audit_events'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (workspace_id = herald_current_workspace())'
                       ' with check (workspace_id = herald_current_workspace())', t);
    end loop;
end $$;

-- The runtime role may only append to the audit log.
revoke update, delete, truncate on audit_events from ${app_role};

-- A record of deleted workspaces: the workspace and its audit chain are gone, the fact that it was deleted is not.
create table workspace_tombstones (
    workspace_id uuid primary key,
    name         text        not null,
    deleted_by   uuid,
    deleted_at   timestamptz not null default now()
);
revoke update, delete, truncate on workspace_tombstones from ${app_role};

-- The few reads that must cross tenants. Each returns ids only; the work that follows runs in the tenant's scope.
create function herald_workspaces_of_user(p_user uuid) returns table (workspace_id uuid)
    language sql stable security definer set search_path = public
    as $$ select m.workspace_id from memberships m where m.user_id = p_user $$;

-- The workspace switcher: what a user may see of the workspaces they belong to, in one read.
create function herald_workspace_directory(p_user uuid)
    returns table (workspace_id uuid, name text, slug text, role text)
    language sql stable security definer set search_path = public
    as $$ select w.id, w.name, w.slug, m.role from memberships m join workspaces w on w.id = m.workspace_id
          where m.user_id = p_user $$;

create function herald_workspace_by_slug(p_slug text) returns uuid
    language sql stable security definer set search_path = public
    as $$ select w.id from workspaces w where w.slug = p_slug $$;

create function herald_slug_taken(p_slug text) returns boolean
    language sql stable security definer set search_path = public
    as $$ select exists (select 1 from workspaces w where w.slug = p_slug) $$;

create function herald_api_key_by_hash(p_hash bytea) returns table (workspace_id uuid, key_id uuid)
    language sql stable security definer set search_path = public
    as $$ select k.workspace_id, k.id from api_keys k where k.secret_hash = p_hash $$;

create function herald_invitation_by_token(p_hash bytea) returns table (workspace_id uuid, invitation_id uuid)
    language sql stable security definer set search_path = public
    as $$ select i.workspace_id, i.id from invitations i where i.token_hash = p_hash $$;

grant execute on function herald_workspaces_of_user(uuid) to ${app_role};
grant execute on function herald_workspace_by_slug(text) to ${app_role};
grant execute on function herald_workspace_directory(uuid) to ${app_role};
grant execute on function herald_slug_taken(text) to ${app_role};
grant execute on function herald_api_key_by_hash(bytea) to ${app_role};
grant execute on function herald_invitation_by_token(bytea) to ${app_role};

-- Spring Session JDBC: sessions live in Postgres so any node serves any request.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- db-scheduler: every background and scheduled job, cluster-safe.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
