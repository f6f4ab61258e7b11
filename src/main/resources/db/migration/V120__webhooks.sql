-- Outbound webhooks: a workspace's endpoints and the deliveries of its events to them (docs/webhooks.md).
--
-- webhook_endpoints.secret is the signing secret sealed by the vault in the slot (workspace_id, id,
-- 'webhook_endpoint.secret'); secret_hint is its last four characters, all that is ever shown again.
-- A delivery keeps the exact bytes it signs (payload), so a retry or a redelivery sends the same body under the
-- same event id; only the timestamp and the signature are new at each attempt.

create table webhook_endpoints (
    workspace_id uuid        not null references workspaces (id) on delete cascade,
    id           uuid        not null,
    url          text        not null check (length(url) between 10 and 2000),
    description  text        not null default '' check (length(description) <= 200),
    events       text[]      not null check (cardinality(events) between 1 and 10),
    enabled      boolean     not null default true,
    secret       bytea       not null,
    secret_hint  text        not null check (length(secret_hint) <= 20),
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    primary key (workspace_id, id)
);

create table webhook_deliveries (
    workspace_id    uuid        not null,
    id              uuid        not null,
    endpoint_id     uuid        not null,
    event_id        uuid        not null,
    event_type      text        not null check (length(event_type) <= 60),
    payload         text        not null,
    status          text        not null check (status in ('pending', 'delivered', 'failed')),
    attempts        integer     not null default 0 check (attempts >= 0),
    created_at      timestamptz not null,
    next_attempt_at timestamptz,
    last_attempt_at timestamptz,
    delivered_at    timestamptz,
    response_status integer,
    error           text check (length(error) <= 500),
    duration_ms     integer,
    primary key (workspace_id, id),
    foreign key (workspace_id, endpoint_id) references webhook_endpoints (workspace_id, id) on delete cascade
);

create index webhook_deliveries_endpoint on webhook_deliveries (workspace_id, endpoint_id, created_at desc, id);
create index webhook_deliveries_pending on webhook_deliveries (next_attempt_at) where status = 'pending';
create index webhook_deliveries_age on webhook_deliveries (created_at);

do $$
declare t text;
begin
    foreach t in array array['webhook_endpoints', 'webhook_deliveries'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (workspace_id = herald_current_workspace())'
                       ' with check (workspace_id = herald_current_workspace())', t);
    end loop;
end $$;

-- Pending deliveries whose job is overdue (lost between the commit and its scheduling, or its node gone): ids only,
-- for the sweep to schedule them again; everything else is read inside the workspace's scope.
create function herald_webhook_deliveries_overdue(due_before timestamptz, max_rows integer)
    returns table (workspace_id uuid, delivery_id uuid)
    language sql stable security definer set search_path = public, pg_temp as $$
    select d.workspace_id, d.id from webhook_deliveries d
     where d.status = 'pending' and d.next_attempt_at < due_before
     order by d.next_attempt_at limit max_rows
$$;
revoke all on function herald_webhook_deliveries_overdue(timestamptz, integer) from public;
grant execute on function herald_webhook_deliveries_overdue(timestamptz, integer) to ${app_role};

-- Ended deliveries older than the retention, across workspaces; pending ones are never removed.
create function herald_webhook_deliveries_prune(created_before timestamptz, max_rows integer)
    returns integer
    language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare
    removed integer;
begin
    delete from webhook_deliveries d
     where (d.workspace_id, d.id) in (select o.workspace_id, o.id from webhook_deliveries o
                                       where o.created_at < created_before and o.status <> 'pending'
                                       limit max_rows);
    get diagnostics removed = row_count;
    return removed;
end
$$;
revoke all on function herald_webhook_deliveries_prune(timestamptz, integer) from public;
grant execute on function herald_webhook_deliveries_prune(timestamptz, integer) to ${app_role};
