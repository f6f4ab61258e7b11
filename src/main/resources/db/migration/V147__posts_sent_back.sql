-- A post a person wrote and a decider rejected goes back to its author's drafts with the decider's note (as Buffer's
-- and Hootsuite's approval flows send a rejected post back to whoever wrote it): one row per post, the latest
-- rejection, shown while the post is a draft and removed when it is submitted again. Posts from agents and API keys
-- are cancelled when rejected instead, and have no row.
create table post_sent_back (
    workspace_id uuid        not null,
    post_id      uuid        not null,
    note         text        not null check (length(note) between 1 and 2000),
    sent_by      text        not null check (length(sent_by) <= 400),
    sent_at      timestamptz not null,
    primary key (workspace_id, post_id),
    foreign key (workspace_id, post_id) references posts (workspace_id, id) on delete cascade
);

alter table post_sent_back enable row level security;
alter table post_sent_back force row level security;
create policy tenant_isolation on post_sent_back using (workspace_id = herald_current_workspace())
    with check (workspace_id = herald_current_workspace());
