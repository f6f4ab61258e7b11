-- Link tagging (UTM parameters), as Buffer and Hootsuite offer it: a workspace's UTM values, appended to the links of
-- a post's text and to its link when the post is published, one platform at a time. See herald.publishing.LinkTagging
-- and docs/link-tagging.md.

-- The workspace's setting; no row: off, with the default values. Values may hold placeholders ({platform}, {account},
-- {date}, {post}) that are filled in per target; the application checks their characters and placeholders.
create table link_tagging (
    workspace_id uuid        primary key references workspaces (id) on delete cascade,
    enabled      boolean     not null default false,
    utm_source   text        not null check (length(utm_source) between 1 and 100),
    utm_medium   text        not null check (length(utm_medium) between 1 and 100),
    utm_campaign text        not null default '' check (length(utm_campaign) <= 100),
    utm_content  text        not null default '' check (length(utm_content) <= 100),
    utm_term     text        not null default '' check (length(utm_term) <= 100),
    updated_at   timestamptz not null default now()
);

alter table link_tagging enable row level security;
alter table link_tagging force row level security;
create policy tenant_isolation on link_tagging using (workspace_id = herald_current_workspace())
    with check (workspace_id = herald_current_workspace());

-- Whether this post's links are tagged: chosen by its author, the workspace's setting when they did not say. Posts
-- from before tagging existed were published without it. A tagged post keeps the values it was accepted (or last
-- edited) with, {"source","medium","campaign","content","term"}: the text its targets were checked with is the text
-- they publish, and every attempt of a target sends the same text, whatever an admin changes in the setting meanwhile
-- (reconciliation looks for that very text on the platform before anything is sent again).
alter table posts add column tag_links boolean not null default false;
alter table posts add column utm_values jsonb;
alter table posts add constraint posts_tagged_with_values check (tag_links = (utm_values is not null));
