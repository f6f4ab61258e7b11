-- Connected social accounts, the OAuth flows that create them, and the history of their token refreshes.
-- All three are tenant tables: row-level security on herald.workspace_id like every other, composite foreign keys
-- (workspace_id, id) so no row can point into another workspace. Tokens are stored only as vault ciphertexts bound
-- to (workspace_id, row id, purpose).

create table connections (
    workspace_id      uuid        not null references workspaces (id) on delete cascade,
    id                uuid        not null,
    provider          text        not null,
    external_id       text        not null,
    account_type      text        not null check (account_type in ('personal', 'company', 'product')),
    label             text        not null check (length(label) between 1 and 100),
    username          text        not null,
    display_name      text        not null,
    avatar_url        text,
    status            text        not null check (status in ('active', 'needs_reconnect', 'disconnected')),
    status_reason     text,
    -- vault ciphertexts; both null once disconnected
    access_token      bytea,
    refresh_token     bytea,
    expires_at        timestamptz,
    last_refreshed_at timestamptz,
    -- the last failed refresh, and when the sweep may try again after a transient failure
    last_error        text,
    refresh_failures  integer     not null default 0,
    retry_after       timestamptz,
    -- single-flight refresh across nodes: who is refreshing now, and until when the claim holds
    refresh_lease_owner uuid,
    refresh_lease_until timestamptz,
    connected_at      timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    primary key (workspace_id, id),
    unique (workspace_id, provider, external_id)
);
create index connections_refresh_due on connections (expires_at)
    where status = 'active' and refresh_token is not null;

-- One row per connect attempt. The state itself travels only in the authorize URL; Herald keeps its hash, so a
-- database reader cannot complete someone else's flow. The PKCE verifier is sealed by the vault.
create table oauth_states (
    workspace_id    uuid        not null references workspaces (id) on delete cascade,
    id              uuid        not null,
    state_hash      bytea       not null unique,
    provider        text        not null,
    account_type    text        not null check (account_type in ('personal', 'company', 'product')),
    flow            text        not null check (flow in ('ui', 'api')),
    initiator_type  text        not null check (initiator_type in ('user', 'api_key')),
    initiator_id    text        not null,
    initiator_label text        not null default '',
    reconnect_id    uuid,
    pkce_verifier   bytea       not null,
    redirect_uri    text        not null,
    created_at      timestamptz not null default now(),
    expires_at      timestamptz not null,
    consumed_at     timestamptz,
    primary key (workspace_id, id),
    foreign key (workspace_id, reconnect_id) references connections (workspace_id, id) on delete cascade
);
create index oauth_states_expires on oauth_states (expires_at);

create table token_refresh_history (
    workspace_id  uuid        not null references workspaces (id) on delete cascade,
    id            uuid        not null,
    connection_id uuid        not null,
    attempted_at  timestamptz not null,
    trigger       text        not null check (trigger in ('use', 'sweep')),
    outcome       text        not null check (outcome in ('refreshed', 'transient_failure', 'refused')),
    error         text,
    primary key (workspace_id, id),
    foreign key (workspace_id, connection_id) references connections (workspace_id, id) on delete cascade
);
create index token_refresh_history_connection on token_refresh_history (workspace_id, connection_id, attempted_at desc);

do $$
declare t text;
begin
    foreach t in array array['connections', 'oauth_states', 'token_refresh_history'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (workspace_id = herald_current_workspace())'
                       ' with check (workspace_id = herald_current_workspace())', t);
    end loop;
end $$;

-- The OAuth callback arrives with a state and no workspace in its path: find the state's workspace and row.
create function herald_oauth_state_by_hash(p_hash bytea) returns table (workspace_id uuid, state_id uuid)
    language sql stable security definer set search_path = public, pg_temp
    as $$ select s.workspace_id, s.id from oauth_states s where s.state_hash = p_hash $$;

-- The refresh sweep: active connections whose access token expires before p_before and that may be tried now.
-- Ids only; each refresh then runs in its workspace's scope under the connection's row lock.
create function herald_connections_due_for_refresh(p_before timestamptz, p_now timestamptz, p_limit integer)
    returns table (workspace_id uuid, connection_id uuid)
    language sql stable security definer set search_path = public, pg_temp
    as $$ select c.workspace_id, c.id from connections c
          where c.status = 'active' and c.refresh_token is not null and c.expires_at < p_before
            and (c.retry_after is null or c.retry_after <= p_now)
          order by c.expires_at limit p_limit $$;

-- The operator's view across workspaces: connections expiring soon, ids only (details are read in each scope).
create function herald_connections_expiring(p_before timestamptz, p_limit integer)
    returns table (workspace_id uuid, connection_id uuid)
    language sql stable security definer set search_path = public, pg_temp
    as $$ select c.workspace_id, c.id from connections c
          where c.status <> 'disconnected' and c.expires_at < p_before
          order by c.expires_at limit p_limit $$;

-- Spent and expired flows are deleted by the purge job; it returns how many.
create function herald_purge_oauth_states(p_before timestamptz) returns integer
    language sql volatile security definer set search_path = public, pg_temp
    as $$ with purged as (delete from oauth_states where expires_at < p_before returning 1)
          select count(*)::integer from purged $$;

revoke execute on function herald_oauth_state_by_hash(bytea) from public;
revoke execute on function herald_connections_due_for_refresh(timestamptz, timestamptz, integer) from public;
revoke execute on function herald_connections_expiring(timestamptz, integer) from public;
revoke execute on function herald_purge_oauth_states(timestamptz) from public;
grant execute on function herald_oauth_state_by_hash(bytea) to ${app_role};
grant execute on function herald_connections_due_for_refresh(timestamptz, timestamptz, integer) to ${app_role};
grant execute on function herald_connections_expiring(timestamptz, integer) to ${app_role};
grant execute on function herald_purge_oauth_states(timestamptz) to ${app_role};
