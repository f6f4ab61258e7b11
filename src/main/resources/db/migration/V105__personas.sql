-- Personas: a workspace's brand voices. Captions are written in one; each workspace has exactly one default, which
-- captions use when no persona is named (a partial unique index keeps it to one).

create table personas (
    workspace_id   uuid        not null references workspaces (id) on delete cascade,
    id             uuid        not null,
    name           text        not null check (length(name) between 1 and 100 and name = btrim(name)),
    description    text        not null default '' check (length(description) <= 1000),
    tone           text        not null check (tone in ('professional', 'casual', 'humorous', 'promotional',
                                                        'educational')),
    guidelines     text        not null default '' check (length(guidelines) <= 2000),
    words_to_use   text[]      not null default '{}' check (cardinality(words_to_use) <= 30),
    words_to_avoid text[]      not null default '{}' check (cardinality(words_to_avoid) <= 30),
    is_default     boolean     not null default false,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    primary key (workspace_id, id)
);
create unique index personas_one_default on personas (workspace_id) where is_default;
create index personas_listing on personas (workspace_id, lower(name), id);

alter table personas enable row level security;
alter table personas force row level security;
create policy tenant_isolation on personas
    using (workspace_id = herald_current_workspace())
    with check (workspace_id = herald_current_workspace());

-- Workspaces that exist already get the default persona a new workspace gets (herald.content.Personas). Migrations run
-- as the owner role, which bypasses row-level security, so one statement covers them all.
insert into personas (workspace_id, id, name, description, tone, guidelines, is_default)
select w.id, gen_random_uuid(), 'House voice', 'The voice captions use unless another persona is chosen.', 'casual',
       'Warm and welcoming; speak as "we"; short sentences; one clear call to action.', true
from workspaces w;
