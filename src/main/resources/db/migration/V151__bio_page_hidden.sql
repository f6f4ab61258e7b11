-- A published post with a link shows on the workspace's link-in-bio page unless an editor takes it off (an old offer,
-- a link that no longer works); it can be put back. See herald.publishing.BioPage.
alter table posts add column bio_hidden boolean not null default false;
