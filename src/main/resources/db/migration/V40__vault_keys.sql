-- The vault's data keyset, stored so that every node sealing and opening secrets uses the same keys, and a rotation
-- made on one node is seen by all. HERALD_KEYSET (or the generated keyset file) is only the master keyset that
-- encrypts this one. These tables are global vault state, not tenant data: no workspace_id, no row-level security.

-- Every change of the data keyset is a new version; the highest is current. Rows are never changed or removed, so a
-- node holding an older version can always tell that it is behind.
create table vault_keysets (
    version    bigint      primary key check (version > 0),
    -- the Tink keyset, encrypted by the master keyset (never plaintext key material)
    keyset     bytea       not null,
    created_at timestamptz not null default now()
);
revoke update, delete, truncate on vault_keysets from ${app_role};

-- The keys of the current data keyset as SQL can see them: which key is primary, which still decrypt (enabled) and
-- which are retired (disabled). Mirrors the keyset and is written in the same transaction as each new version.
create table vault_keys (
    key_id      bigint      primary key check (key_id between 0 and 4294967295),
    state       text        not null check (state in ('primary', 'enabled', 'disabled')),
    created_at  timestamptz not null default now(),
    disabled_at timestamptz
);
create unique index vault_keys_one_primary on vault_keys (state) where state = 'primary';
revoke delete, truncate on vault_keys from ${app_role};

-- One row per rotation, keyed by the primary key it introduced, with the re-encryption job's progress.
create table vault_rotations (
    key_id      bigint      primary key references vault_keys (key_id),
    started_at  timestamptz not null default now(),
    reencrypted bigint      not null default 0,
    failed      bigint      not null default 0,
    finished_at timestamptz
);
revoke delete, truncate on vault_rotations from ${app_role};

-- Every encrypted column any node has declared (EncryptedColumn beans), registered at start. The job re-encrypts and
-- counts the union, so a node that does not know a column (an older version during a rolling deploy) never retires a
-- key that column still uses.
create table vault_columns (
    table_name    text        not null,
    column_name   text        not null,
    purpose       text        not null,
    registered_at timestamptz not null default now(),
    primary key (table_name, column_name)
);
revoke update, delete, truncate on vault_columns from ${app_role};

-- Tink's ciphertext prefix of a key: version byte 0x01, then the 4-byte key id.
create function herald_vault_key_prefix(p_key_id bigint) returns bytea
    language sql immutable set search_path = public, pg_temp
    as $$ select '\x01'::bytea || substring(int8send(p_key_id) from 5 for 4) $$;

-- The re-encryption job must find, across workspaces, the rows still sealed under an old key. The columns are
-- declared at run time (EncryptedColumn beans), so the functions below take a table and column name; they refuse
-- anything but a bytea column of a tenant table (forced row-level security, uuid workspace_id and id), and only ever
-- match values that start with the prefix of one of the vault's own keys. They return ids and counts, never values;
-- the values are read and rewritten inside each workspace's scope.
create function herald_vault_assert_column(p_table text, p_column text) returns void
    language plpgsql stable set search_path = public, pg_temp
    as $$
begin
    if not exists (
        select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relname = p_table and c.relkind = 'r' and c.relforcerowsecurity
          and exists (select 1 from pg_attribute a where a.attrelid = c.oid and not a.attisdropped
                      and a.attname = p_column and a.atttypid = 'bytea'::regtype)
          and exists (select 1 from pg_attribute a where a.attrelid = c.oid and not a.attisdropped
                      and a.attname = 'workspace_id' and a.atttypid = 'uuid'::regtype)
          and exists (select 1 from pg_attribute a where a.attrelid = c.oid and not a.attisdropped
                      and a.attname = 'id' and a.atttypid = 'uuid'::regtype)) then
        raise exception 'not an encrypted column of a tenant table: %.%', p_table, p_column;
    end if;
end $$;

-- Rows of one column sealed under a key that is not the primary, in (workspace_id, id) order after a position.
create function herald_vault_stale_rows(p_table text, p_column text, p_after_workspace uuid, p_after_id uuid,
                                        p_limit integer)
    returns table (workspace_id uuid, id uuid)
    language plpgsql stable security definer set search_path = public, pg_temp
    as $$
begin
    perform herald_vault_assert_column(p_table, p_column);
    return query execute format(
        'select t.workspace_id, t.id from %I t'
        ' where substring(t.%I from 1 for 5) in'
        '       (select herald_vault_key_prefix(k.key_id) from vault_keys k where k.state <> ''primary'')'
        '   and (t.workspace_id, t.id) > ($1, $2)'
        ' order by t.workspace_id, t.id limit $3', p_table, p_column)
        using p_after_workspace, p_after_id, least(greatest(p_limit, 1), 5000);
end $$;

-- How many values of one column each of the vault's keys sealed.
create function herald_vault_key_usage(p_table text, p_column text) returns table (key_id bigint, rows bigint)
    language plpgsql stable security definer set search_path = public, pg_temp
    as $$
begin
    perform herald_vault_assert_column(p_table, p_column);
    return query execute format(
        'select k.key_id, count(*) from %I t'
        ' join vault_keys k on substring(t.%I from 1 for 5) = herald_vault_key_prefix(k.key_id)'
        ' group by k.key_id', p_table, p_column);
end $$;

revoke execute on function herald_vault_key_prefix(bigint) from public;
revoke execute on function herald_vault_assert_column(text, text) from public;
revoke execute on function herald_vault_stale_rows(text, text, uuid, uuid, integer) from public;
revoke execute on function herald_vault_key_usage(text, text) from public;
grant execute on function herald_vault_stale_rows(text, text, uuid, uuid, integer) to ${app_role};
grant execute on function herald_vault_key_usage(text, text) to ${app_role};
