-- A post an editor pinned to the top of the workspace's link-in-bio page (the offer of the month, the booking link),
-- above the newest posts, whatever its age; at most BioPage.MAX_PINNED of them, the latest pinned first. Taking a post
-- off the page unpins it. See herald.publishing.BioPage and docs/bio-page.md.
alter table posts add column bio_pinned_at timestamptz;

-- The pinned posts of a workspace: a handful at most, read on every view of its page.
create index posts_bio_pinned on posts (workspace_id, bio_pinned_at) where bio_pinned_at is not null;
