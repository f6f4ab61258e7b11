-- Review links: a workspace shares its upcoming posts with a client who has no Herald account, as Planable, Later
-- and Hootsuite do. The link carries a random token; only its SHA-256 is stored. A link shows the posts of a date
-- range (optionally only some accounts and/or one tag), lets its reviewer comment (a post note by a 'reviewer') and,
-- when allowed, approve or reject posts awaiting approval. See herald.reviews and docs/review-links.md.

create table review_links (
    workspace_id uuid        not null references workspaces (id) on delete cascade,
    id           uuid        not null,
    label        text        not null check (length(label) between 1 and 100),
    token_hash   bytea       not null unique check (length(token_hash) = 32),
    shows_from   timestamptz not null,
    shows_to     timestamptz not null,
    -- The accounts shown; empty: all of them. Not a foreign key (an array cannot be one): ids are checked against the
    -- workspace's connections when the link is made, and the posts are read inside the workspace's scope anyway.
    account_ids  uuid[]      not null default '{}',
    tag          text        check (length(tag) between 1 and 50),
    may_approve  boolean     not null default false,
    created_by   uuid        references users (id) on delete set null,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    revoked_at   timestamptz,
    last_used_at timestamptz,
    primary key (workspace_id, id),
    check (shows_to > shows_from),
    check (expires_at > created_at and expires_at <= created_at + interval '90 days')
);

create index review_links_listing on review_links (workspace_id, created_at desc, id desc);

alter table review_links enable row level security;
alter table review_links force row level security;
create policy tenant_isolation on review_links using (workspace_id = herald_current_workspace())
    with check (workspace_id = herald_current_workspace());

-- Resolving a token happens before any tenant scope exists: this names the link's workspace and id, nothing else,
-- and only for the hash of a token someone holds. Everything after runs in the workspace's scope.
create function herald_review_link_by_token(p_hash bytea) returns table (workspace_id uuid, review_link_id uuid)
    language sql stable security definer set search_path = public, pg_temp
    as $$ select r.workspace_id, r.id from review_links r where r.token_hash = p_hash $$;

grant execute on function herald_review_link_by_token(bytea) to ${app_role};

-- A reviewer acts through a link: their notes, approvals and rejections name them as such, in the audit log too.
alter domain herald_actor_type drop constraint herald_actor_type_check;
alter domain herald_actor_type add constraint herald_actor_type_check
    check (value in ('user', 'api_key', 'agent', 'system', 'operator', 'reviewer'));

alter table post_notes drop constraint post_notes_author_type_check;
alter table post_notes add constraint post_notes_author_type_check
    check (author_type in ('user', 'api_key', 'agent', 'system', 'operator', 'reviewer'));
