-- Two-factor sign-in with an authenticator app (TOTP, RFC 6238) and one-time recovery codes. See docs/two-factor.md.
--
-- A person's login is global (see users in V1), so their second factor is too: these tables have no workspace_id and
-- no row-level security, exactly like users, and only the identity module reads or writes them.

-- One row per person who has started or finished setting up two-factor sign-in.
create table user_two_factor (
    -- the user's id; named id because the vault re-encrypts a global encrypted column by its table's id
    id             uuid        primary key references users (id) on delete cascade,
    -- the TOTP key, sealed by the vault in the global slot (id, 'user.totp_secret'); never stored in plaintext
    secret         bytea       not null,
    -- null while the person has been shown the key but not yet typed a code from it
    enabled_at     timestamptz,
    created_at     timestamptz not null default now(),
    -- the last 30-second step whose code was accepted: a code of this step or an earlier one is refused (no replay)
    last_used_step bigint,
    -- wrong second steps in a row across every session, and the lock they lead to
    failed_codes   integer     not null default 0 check (failed_codes >= 0),
    locked_until   timestamptz
);

-- Ten one-time codes for when the authenticator is lost, stored only as SHA-256(user id, code): each code is 79
-- random bits, so no slow hash is needed (as for API keys).
create table user_recovery_codes (
    user_id   uuid        not null references users (id) on delete cascade,
    code_hash bytea       not null check (length(code_hash) = 32),
    used_at   timestamptz,
    primary key (user_id, code_hash)
);

-- An owner may require two-factor sign-in of everyone who opens the workspace's pages.
alter table workspaces add column two_factor_required boolean not null default false;

-- The vault's columns may now also live in a global table (keyed by id alone, no row-level security): the TOTP keys.
alter table vault_columns add column global boolean not null default false;
