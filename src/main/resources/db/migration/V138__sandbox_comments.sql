-- Comments under the Sandbox's posts (docs/sandbox-api.md), written by the account that published the post: what a
-- post's first comment becomes on the Sandbox. A platform table like the others of V50: no workspace_id and no
-- row-level security. A comment goes with its post and with its account.
create table sandbox_comments (
    id         uuid        primary key,
    post_id    uuid        not null references sandbox_posts (id) on delete cascade,
    account_id uuid        not null references sandbox_accounts (id) on delete cascade,
    text       text        not null,
    created_at timestamptz not null default now()
);
create index sandbox_comments_post_time on sandbox_comments (post_id, created_at desc);
create index sandbox_comments_account on sandbox_comments (account_id);

grant select, insert, update, delete on sandbox_comments to ${app_role};
