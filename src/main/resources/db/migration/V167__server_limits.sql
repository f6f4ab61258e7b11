-- What each server of a platform that sets its own limits (Mastodon) says one post may carry, as last read from the
-- server (its instance document), so posts are checked against their account's server without calling it. Global.
create table server_limits (
    provider       text        not null,
    server         text        not null,
    max_characters integer     not null check (max_characters > 0),
    max_media      integer     not null check (max_media >= 0),
    url_characters integer     not null check (url_characters > 0),
    read_at        timestamptz not null default now(),
    primary key (provider, server)
);
