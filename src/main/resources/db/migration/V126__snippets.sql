-- Snippets: a workspace's saved texts (a hashtag set, a sign-off, a disclaimer) that the composer inserts into a post,
-- as Hootsuite's saved hashtags and Buffer's hashtag manager do. Names are unique in a workspace whatever their case.
-- See herald.content.Snippets.

create table snippets (
    workspace_id uuid        not null references workspaces (id) on delete cascade,
    id           uuid        not null,
    name         text        not null check (length(name) between 1 and 60),
    body         text        not null check (length(body) between 1 and 2000),
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    primary key (workspace_id, id)
);

create unique index snippets_name on snippets (workspace_id, lower(name));

alter table snippets enable row level security;
alter table snippets force row level security;
create policy tenant_isolation on snippets using (workspace_id = herald_current_workspace())
    with check (workspace_id = herald_current_workspace());
