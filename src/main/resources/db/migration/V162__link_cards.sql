-- Link cards: the title, description and image a page names for itself (Open Graph, else its <title> and meta
-- description), read once by Herald from public addresses only, kept for the composer's preview and for the platforms
-- that show a link as a card Herald must fill in (Bluesky, LinkedIn). Per workspace: which pages a workspace links to
-- is its own business. See docs/link-cards.md.
create table link_cards (
    workspace_id uuid        not null references workspaces (id) on delete cascade,
    url          text        not null check (length(url) <= 2048),
    title        text        check (length(title) <= 300),
    description  text        check (length(description) <= 1000),
    image_url    text        check (length(image_url) <= 2048),
    site_name    text        check (length(site_name) <= 200),
    -- Why there is no card (the page could not be read, or names nothing); null when there is one.
    failure      text        check (length(failure) <= 300),
    fetched_at   timestamptz not null,
    primary key (workspace_id, url)
);

alter table link_cards enable row level security;
alter table link_cards force row level security;
create policy tenant_isolation on link_cards using (workspace_id = herald_current_workspace())
    with check (workspace_id = herald_current_workspace());
