-- The Sandbox platform (docs/sandbox-api.md, docs/adr/0005): a simulated social network served by the same process.
-- Its tables are the platform's, not a tenant's: no workspace_id and no row-level security. Tokens and codes are
-- stored only as SHA-256 hashes.

create table sandbox_accounts (
    id           uuid        primary key,
    handle       text        not null unique check (handle ~ '^[a-z0-9_]{2,30}$'),
    display_name text        not null,
    created_at   timestamptz not null default now()
);

create table sandbox_authorization_codes (
    code_hash      bytea       primary key,
    client_id      text        not null,
    redirect_uri   text        not null,
    scope          text        not null,
    code_challenge text        not null,
    account_ids    uuid[]      not null,
    expires_at     timestamptz not null,
    used_at        timestamptz,
    -- The family the code was exchanged for: a replayed code revokes it.
    family_id      uuid
);
create index sandbox_authorization_codes_expiry on sandbox_authorization_codes (expires_at);

-- A token family: the access and refresh tokens descending from one grant. A user family grants the accounts chosen
-- on the consent page; an account family (from GET /sandbox/api/accounts) grants exactly one.
create table sandbox_token_families (
    id          uuid        primary key,
    client_id   text        not null,
    kind        text        not null check (kind in ('user', 'account')),
    account_ids uuid[]      not null,
    scope       text        not null,
    created_at  timestamptz not null default now(),
    revoked_at  timestamptz
);
create index sandbox_token_families_accounts on sandbox_token_families using gin (account_ids);

create table sandbox_tokens (
    token_hash bytea       primary key,
    family_id  uuid        not null references sandbox_token_families (id) on delete cascade,
    type       text        not null check (type in ('access', 'refresh')),
    expires_at timestamptz not null,
    -- A refresh token is spent by its rotation; it is kept until it expires so that a replay is recognised.
    spent_at   timestamptz,
    created_at timestamptz not null default now()
);
create index sandbox_tokens_family on sandbox_tokens (family_id);
create index sandbox_tokens_expiry on sandbox_tokens (expires_at);

-- The fault knobs: one row, read by every node (with a cache of under a second).
create table sandbox_faults (
    id                   integer     primary key check (id = 1),
    latency_ms           integer     not null default 0,
    error_rate           double precision not null default 0 check (error_rate between 0 and 1),
    rate_limited_until   timestamptz,
    timeout_after_create boolean     not null default false,
    refuse_refresh       boolean     not null default false
);

-- Counters for GET /sandbox/admin/stats, e.g. 'grant:refresh_token', 'refresh:krusty', 'posts'.
create table sandbox_counters (
    name  text   primary key,
    value bigint not null
);

-- One fixed rate-limit window per key (an account, or a user-token family).
create table sandbox_rate_windows (
    key          text        primary key,
    window_start timestamptz not null,
    used         integer     not null
);

create table sandbox_posts (
    id                  uuid        primary key,
    account_id          uuid        not null references sandbox_accounts (id) on delete cascade,
    text                text        not null,
    link                text,
    media_urls          text[]      not null default '{}',
    media_content_types text[]      not null default '{}',
    media_sizes         bigint[]    not null default '{}',
    created_at          timestamptz not null default now()
);
create index sandbox_posts_account_time on sandbox_posts (account_id, created_at desc);

grant select, insert, update, delete on sandbox_accounts, sandbox_authorization_codes, sandbox_token_families,
    sandbox_tokens, sandbox_faults, sandbox_counters, sandbox_rate_windows, sandbox_posts to ${app_role};
