-- Connecting at a server the person names (Mastodon): the server travels with the connect's state, and Herald's
-- client at each server is registered once and kept.
alter table oauth_states add column server text check (server is null or length(server) <= 253);

-- Herald's OAuth client at one server of a platform where every server is its own authorization server, for one
-- redirect URI (a new public URL registers anew). Global: a client serves every workspace that connects from there.
create table server_clients (
    id            uuid        primary key,
    provider      text        not null,
    server        text        not null,
    redirect_uri  text        not null,
    client_id     text        not null,
    -- sealed by the vault in the global slot (id, 'server_client.secret'); never stored in plaintext
    client_secret bytea       not null,
    created_at    timestamptz not null default now(),
    unique (provider, server, redirect_uri)
);
