-- Media in a thread's parts, as Typefully and Buffer let each post of an X thread carry its own images or video:
-- the assets of part n (as post_thread_parts numbers them: 1 is the first part after the post's own text), in order.
-- The post's own media stay in posts.media_ids. See docs/threads.md.
create table post_thread_media (
    workspace_id uuid    not null,
    post_id      uuid    not null,
    position     integer not null check (position between 1 and 24),
    ordinal      integer not null check (ordinal between 1 and 10),
    asset_id     uuid    not null,
    primary key (workspace_id, post_id, position, ordinal),
    foreign key (workspace_id, post_id) references posts (workspace_id, id) on delete cascade
);

alter table post_thread_media enable row level security;
alter table post_thread_media force row level security;
create policy tenant_isolation on post_thread_media using (workspace_id = herald_current_workspace())
    with check (workspace_id = herald_current_workspace());

-- Which posts carry an asset, when one is about to be deleted.
create index post_thread_media_asset on post_thread_media (workspace_id, asset_id);
