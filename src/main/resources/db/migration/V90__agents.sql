-- Agents: programs that post as the workspace, each with its own keys and its own grants (connection x capabilities).
--
-- An agent key is stored like a member API key: the prefix in the clear, the whole token only as its SHA-256. Agent
-- keys are a table of their own so that no member-key route can ever accept one, and the reverse.
-- agent_posts links each post an agent created to the grant that allowed it; it is also the approval record
-- (who decided, when, with what note) and what an agent's daily cap counts.

create table agents (
    workspace_id uuid        not null references workspaces (id) on delete cascade,
    id           uuid        not null,
    name         text        not null check (length(name) between 1 and 100),
    description  text        not null default '' check (length(description) <= 1000),
    owner_id     uuid        references users (id) on delete set null,
    status       text        not null check (status in ('active', 'paused')),
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    primary key (workspace_id, id)
);
create unique index agents_name on agents (workspace_id, lower(name));

create table agent_keys (
    workspace_id uuid        not null references workspaces (id) on delete cascade,
    id           uuid        not null,
    agent_id     uuid        not null,
    prefix       text        not null unique,
    secret_hash  bytea       not null unique,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz,
    primary key (workspace_id, id),
    foreign key (workspace_id, agent_id) references agents (workspace_id, id) on delete cascade
);
create index agent_keys_agent on agent_keys (workspace_id, agent_id);

create table agent_grants (
    workspace_id      uuid        not null references workspaces (id) on delete cascade,
    id                uuid        not null,
    agent_id          uuid        not null,
    connection_id     uuid        not null,
    capabilities      text[]      not null,
    requires_approval boolean     not null default false,
    daily_cap         integer     check (daily_cap between 1 and 10000),
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    primary key (workspace_id, id),
    unique (workspace_id, agent_id, connection_id),
    foreign key (workspace_id, agent_id) references agents (workspace_id, id) on delete cascade,
    foreign key (workspace_id, connection_id) references connections (workspace_id, id) on delete cascade
);

create table agent_posts (
    workspace_id  uuid        not null references workspaces (id) on delete cascade,
    id            uuid        not null,
    agent_id      uuid        not null,
    grant_id      uuid,
    connection_id uuid        not null,
    post_id       uuid,
    channel       text        not null check (channel in ('agent_api', 'mcp')),
    approval      text        not null check (approval in ('none', 'pending', 'approved', 'rejected')),
    decided_by    uuid        references users (id) on delete set null,
    decided_at    timestamptz,
    note          text        check (length(note) <= 2000),
    created_at    timestamptz not null default now(),
    primary key (workspace_id, id),
    unique (workspace_id, post_id),
    foreign key (workspace_id, agent_id) references agents (workspace_id, id) on delete cascade,
    foreign key (workspace_id, post_id) references posts (workspace_id, id) on delete cascade
);
create index agent_posts_agent on agent_posts (workspace_id, agent_id, created_at desc);
create index agent_posts_grant on agent_posts (workspace_id, grant_id, created_at);

do $$
declare t text;
begin
    foreach t in array array['agents', 'agent_keys', 'agent_grants', 'agent_posts'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (workspace_id = herald_current_workspace())'
                       ' with check (workspace_id = herald_current_workspace())', t);
    end loop;
end $$;

-- The one cross-tenant read of agents: which workspace and key a presented token belongs to. Ids only.
create function herald_agent_key_by_hash(p_hash bytea) returns table (workspace_id uuid, key_id uuid)
    language sql stable security definer set search_path = public, pg_temp
    as $$ select k.workspace_id, k.id from agent_keys k where k.secret_hash = p_hash $$;
revoke all on function herald_agent_key_by_hash(bytea) from public;
grant execute on function herald_agent_key_by_hash(bytea) to ${app_role};

-- Provenance: how each post was created (ui, api, agent_api, mcp; system for Herald's own) and by whom.
alter table posts add column origin text check (origin in ('ui', 'api', 'agent_api', 'mcp', 'system'));
alter table posts add column created_by_type text check (created_by_type in ('user', 'api_key', 'agent', 'system',
                                                                              'operator'));
alter table posts add column created_by_id text;
alter table posts add column created_by_label text check (length(created_by_label) <= 300);
