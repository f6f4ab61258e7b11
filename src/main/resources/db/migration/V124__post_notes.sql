-- Notes on a post: the team's (and a client's, as a viewer) conversation about it, beside the post rather than in
-- e-mail. Each keeps who wrote it as the audit log names actors. Deleted with their post; a note is removed only by its
-- author or an admin. See herald.publishing.PostNotes.

create table post_notes (
    workspace_id uuid        not null,
    id           uuid        not null,
    post_id      uuid        not null,
    body         text        not null check (length(body) between 1 and 2000),
    author_type  text        not null check (author_type in ('user', 'api_key', 'agent', 'system', 'operator')),
    author_id    text,
    author_label text        check (length(author_label) <= 200),
    created_at   timestamptz not null default now(),
    primary key (workspace_id, id),
    foreign key (workspace_id, post_id) references posts (workspace_id, id) on delete cascade
);

create index post_notes_of_post on post_notes (workspace_id, post_id, created_at);

alter table post_notes enable row level security;
alter table post_notes force row level security;
create policy tenant_isolation on post_notes using (workspace_id = herald_current_workspace())
    with check (workspace_id = herald_current_workspace());
