-- A link-in-bio page, as Later's Linkin.bio and Buffer's Start Page offer it: Instagram makes no link in a caption
-- clickable, so a business puts one address in its profile, <public-url>/bio/<slug>, and that page shows its recent
-- published posts, each leading to the post's link. Off until an owner or admin turns it on. See
-- herald.publishing.BioPage and docs/bio-page.md.
alter table workspaces add column bio_page boolean not null default false;

-- A tile of the page leads through a short link of its own ('bio'), so that its clicks count with the post's links.
alter table short_links drop constraint short_links_part_check;
alter table short_links add constraint short_links_part_check check (part in ('text', 'link', 'comment', 'bio'));
