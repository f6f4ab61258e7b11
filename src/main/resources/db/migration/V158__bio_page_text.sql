-- A few words of the workspace's own at the top of its link-in-bio page, under its name ("Wood-fired pizza in Brooklyn
-- since 2009"): what Later's and Buffer's pages call the bio. Owners and admins write it; null for none. See
-- herald.publishing.BioPage and docs/bio-page.md.
alter table workspaces add column bio_page_text text check (length(bio_page_text) between 1 and 300);
