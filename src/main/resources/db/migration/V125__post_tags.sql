-- Tags on posts: a workspace's own labels (a campaign, a client's product line, a content pillar) to find, filter and
-- count its posts by. Spelled as first written, matched in any case; at most 10 a post, each 1 to 40 characters
-- (checked by herald.publishing.PostTags). A constant default: adding the column rewrites no rows.

alter table posts add column tags text[] not null default '{}' check (cardinality(tags) <= 10);
