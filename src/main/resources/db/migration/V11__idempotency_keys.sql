-- Idempotency-Key for mutating API requests: the first response to a key is kept for 24 hours and replayed to a
-- retry with the same request; another request under the same key is refused. Keys belong to one workspace.
create table idempotency_keys (
    workspace_id uuid        not null references workspaces (id) on delete cascade,
    key          text        not null check (length(key) between 1 and 255),
    -- sha256 of method, path and body: the same key with another request is refused
    fingerprint  bytea       not null,
    state        text        not null check (state in ('running', 'completed')),
    -- a running claim whose holder died can be taken over after this instant
    locked_until timestamptz not null,
    status       integer,
    headers      jsonb,
    body         bytea,
    created_at   timestamptz not null default now(),
    completed_at timestamptz,
    primary key (workspace_id, key)
);
create index idempotency_keys_created on idempotency_keys (created_at);

alter table idempotency_keys enable row level security;
alter table idempotency_keys force row level security;
create policy tenant_isolation on idempotency_keys
    using (workspace_id = herald_current_workspace())
    with check (workspace_id = herald_current_workspace());

-- The operator's provisioning requests belong to no workspace; their keys live apart, in the same shape.
create table operator_idempotency_keys (
    key          text        primary key check (length(key) between 1 and 255),
    fingerprint  bytea       not null,
    state        text        not null check (state in ('running', 'completed')),
    locked_until timestamptz not null,
    status       integer,
    headers      jsonb,
    body         bytea,
    created_at   timestamptz not null default now(),
    completed_at timestamptz
);
create index operator_idempotency_keys_created on operator_idempotency_keys (created_at);

-- The purge job must reach every workspace's expired keys. It deletes only rows past their retention and returns
-- how many; it reads nothing back.
create function herald_purge_idempotency_keys(p_before timestamptz) returns integer
    language sql volatile security definer set search_path = public
    as $$ with purged as (delete from idempotency_keys where created_at < p_before returning 1)
          select count(*)::integer from purged $$;
grant execute on function herald_purge_idempotency_keys(timestamptz) to ${app_role};
