-- The Sandbox's audience (docs/sandbox-api.md): a visitor of an account's public feed comments under a post with a
-- name and no account, and a comment may answer another comment under the same post. What Herald's inbox reads and
-- answers on the Sandbox.

-- A comment is written by an account (through the API, under its own post) or by a visitor (by a name), never both:
-- an account's name is read from the account, so that it follows a change of display name.
alter table sandbox_comments alter column account_id drop not null;
alter table sandbox_comments add column author_name text check (char_length(author_name) between 1 and 50);
alter table sandbox_comments add constraint sandbox_comments_author
    check (num_nonnulls(account_id, author_name) = 1);

-- The comment this one answers. The Sandbox checks that it is under the same post before it stores the reply; a
-- reply goes with the comment it answers, as every comment goes with its post.
alter table sandbox_comments add column reply_to uuid references sandbox_comments (id) on delete cascade;
-- The cascade looks a comment's replies up by reply_to; only replies are indexed.
create index sandbox_comments_reply_to on sandbox_comments (reply_to) where reply_to is not null;

grant select, insert, update, delete on sandbox_comments to ${app_role};
