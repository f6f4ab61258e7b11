-- The content studio's model calls: each workspace's own endpoint (BYOK), the generation log and monthly AI usage.
--
-- ai_endpoints.api_key is sealed by the vault in the slot (workspace_id, id, 'ai_endpoint.api_key'), so a ciphertext
-- copied to another row or workspace does not open; key_hint is the masked form shown to people (sk-…a1b2).
-- ai_generations keeps every call, failed ones included, with its prompts and answer and never a key.
-- ai_usage counts a workspace's tokens per calendar month of its own time zone (month = the month's first day); it is
-- increased atomically with the generation's row, so the plan check before a call reads one row.

create table ai_endpoints (
    workspace_id            uuid        not null references workspaces (id) on delete cascade,
    id                      uuid        not null,
    base_url                text        not null check (length(base_url) between 8 and 500),
    model                   text        not null check (length(model) between 1 and 200),
    api_key                 bytea,
    key_hint                text check (length(key_hint) <= 40),
    prompt_price_per_1k     bigint check (prompt_price_per_1k >= 0),
    completion_price_per_1k bigint check (completion_price_per_1k >= 0),
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now(),
    primary key (workspace_id, id),
    unique (workspace_id)
);

create table ai_generations (
    workspace_id      uuid        not null references workspaces (id) on delete cascade,
    id                uuid        not null,
    purpose           text        not null check (length(purpose) between 1 and 40),
    batch             uuid,
    source            text        not null check (source in ('workspace', 'herald')),
    model             text        not null check (length(model) <= 200),
    endpoint_host     text        not null check (length(endpoint_host) <= 255),
    system_prompt     text        not null,
    user_prompt       text        not null,
    response          text,
    status            text        not null check (status in ('succeeded', 'failed')),
    error_kind        text,
    error_message     text check (length(error_message) <= 1000),
    prompt_tokens     bigint      not null default 0 check (prompt_tokens >= 0),
    completion_tokens bigint      not null default 0 check (completion_tokens >= 0),
    cost_micros       bigint      not null default 0 check (cost_micros >= 0),
    latency_ms        bigint      not null check (latency_ms >= 0),
    actor             text        check (length(actor) <= 300),
    created_at        timestamptz not null,
    primary key (workspace_id, id),
    check ((status = 'succeeded') = (error_kind is null))
);
create index ai_generations_listing on ai_generations (workspace_id, created_at desc, id desc);
create index ai_generations_batch on ai_generations (workspace_id, batch, created_at desc) where batch is not null;
create index ai_generations_purpose on ai_generations (workspace_id, purpose, created_at desc);

create table ai_usage (
    workspace_id      uuid   not null references workspaces (id) on delete cascade,
    month             date   not null check (extract(day from month) = 1),
    prompt_tokens     bigint not null default 0 check (prompt_tokens >= 0),
    completion_tokens bigint not null default 0 check (completion_tokens >= 0),
    cost_micros       bigint not null default 0 check (cost_micros >= 0),
    generations       integer not null default 0,
    failures          integer not null default 0,
    primary key (workspace_id, month)
);

do $$
declare t text;
begin
    foreach t in array array['ai_endpoints', 'ai_generations', 'ai_usage'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (workspace_id = herald_current_workspace())'
                       ' with check (workspace_id = herald_current_workspace())', t);
    end loop;
end $$;
