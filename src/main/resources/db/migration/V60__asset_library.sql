-- The brand asset library: folders, the stored bytes (blobs) and the assets that name them.
--
-- Same bytes uploaded twice in a workspace are one blob (keyed by their sha256) and two assets. A blob's storage key
-- is fresh for every blob row (not derived from the hash), so a blob deleted and uploaded again at the same time
-- never has its new object removed by the old one's clean-up. A blob lives while an asset references it; the FK from
-- assets keeps a referenced blob from being deleted.

create table asset_folders (
    workspace_id uuid        not null references workspaces (id) on delete cascade,
    id           uuid        not null,
    parent_id    uuid,
    name         text        not null check (length(name) between 1 and 100 and name !~ '[/\\]'
                                             and name not in ('.', '..') and name = btrim(name)),
    created_at   timestamptz not null default now(),
    primary key (workspace_id, id),
    foreign key (workspace_id, parent_id) references asset_folders (workspace_id, id) on delete cascade,
    check (parent_id is null or parent_id <> id)
);
create unique index asset_folders_sibling_names
    on asset_folders (workspace_id, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name));

create table asset_blobs (
    workspace_id  uuid        not null references workspaces (id) on delete cascade,
    sha256        text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes    bigint      not null check (size_bytes > 0),
    content_type  text        not null,
    storage_key   text        not null,
    thumbnail_key text,
    created_at    timestamptz not null default now(),
    primary key (workspace_id, sha256)
);

create table assets (
    workspace_id     uuid        not null references workspaces (id) on delete cascade,
    id               uuid        not null,
    folder_id        uuid        not null,
    sha256           text        not null,
    filename         text        not null check (length(filename) between 1 and 255),
    content_type     text        not null,
    kind             text        not null check (kind in ('image', 'video')),
    size_bytes       bigint      not null,
    width            integer,
    height           integer,
    duration_seconds double precision,
    tags             text[]      not null default '{}',
    alt_text         text        not null default '' check (length(alt_text) <= 1000),
    description      text        not null default '' check (length(description) <= 4000),
    created_at       timestamptz not null default now(),
    primary key (workspace_id, id),
    foreign key (workspace_id, folder_id) references asset_folders (workspace_id, id) on delete cascade,
    foreign key (workspace_id, sha256) references asset_blobs (workspace_id, sha256)
);
create index assets_folder on assets (workspace_id, folder_id, created_at desc, id desc);
create index assets_listing on assets (workspace_id, created_at desc, id desc);
create index assets_blob on assets (workspace_id, sha256);
create index assets_tags on assets using gin (tags);

do $$
declare t text;
begin
    foreach t in array array['asset_folders', 'asset_blobs', 'assets'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (workspace_id = herald_current_workspace())'
                       ' with check (workspace_id = herald_current_workspace())', t);
    end loop;
end $$;
