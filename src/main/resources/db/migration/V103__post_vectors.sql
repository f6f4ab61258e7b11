-- The content module's anti-repetition vectors: the text of every scheduled or published post, embedded in process
-- with all-MiniLM-L6-v2 (384 dimensions, normalized to length 1, stored as 384 little-endian float32 in a bytea;
-- pgvector is not available in every PostgreSQL Herald runs on, and the workspace's window is compared in Java).
-- One row per post: an edit replaces it. text_hash (SHA-256 of the text) tells a listener whether the text changed.
-- "at" is when the post is due or was published: the similarity window is measured on it, future posts included.

create table post_vectors (
    workspace_id uuid        not null references workspaces (id) on delete cascade,
    post_id      uuid        not null,
    text         text        not null check (length(text) <= 10000),
    text_hash    bytea       not null check (length(text_hash) = 32),
    model        text        not null,
    vector       bytea       not null check (length(vector) = 1536),
    at           timestamptz not null,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    primary key (workspace_id, post_id),
    foreign key (workspace_id, post_id) references posts (workspace_id, id) on delete cascade
);
create index post_vectors_window on post_vectors (workspace_id, at);

alter table post_vectors enable row level security;
alter table post_vectors force row level security;
create policy tenant_isolation on post_vectors using (workspace_id = herald_current_workspace())
    with check (workspace_id = herald_current_workspace());

-- The catch-up job walks every workspace (ids only, in pages); the work runs in each tenant's own scope.
create function herald_similarity_workspaces(p_after uuid, p_limit integer) returns table (workspace_id uuid)
    language sql stable security definer set search_path = public, pg_temp as $$
    select w.id from workspaces w where p_after is null or w.id > p_after order by w.id limit p_limit
$$;
revoke all on function herald_similarity_workspaces(uuid, integer) from public;
grant execute on function herald_similarity_workspaces(uuid, integer) to ${app_role};
