-- The language a workspace's posts are written in (a BCP 47 tag such as en or pt-BR), told to the platforms that take
-- it (Bluesky's langs, Mastodon's language) so that readers' language filters and translations get it right.
alter table workspaces add column post_language text check (post_language is null or length(post_language) <= 35);
