-- Short links with click counts, as Buffer (buff.ly), Hootsuite (ow.ly) and Postiz offer them: when a workspace turns
-- it on, the http(s) links of its new posts (and their link field and first comments) are published as
-- <public-url>/l/<code>, which sends the reader on to the link and counts the click. See herald.publishing.ShortLinks
-- and docs/short-links.md.

-- The workspace's setting, for posts created from now on (an owner or admin changes it).
alter table workspaces add column shorten_links boolean not null default false;

-- Whether this post's links are published short: the workspace's setting when the post was created, kept, so that the
-- text its targets were checked with is the text they publish.
alter table posts add column short_links boolean not null default false;

-- One row per link of a target as published. The code is a pure function of the target, the part of the post the
-- link is in, the link and a salt (0 unless another link had the code first), so that every attempt of a target
-- publishes the very text reconciliation looks for. No foreign key to posts: a post deleted from Herald stays on the
-- platform, and its links must keep working; they go with the workspace.
create table short_links (
    code            text        primary key check (code ~ '^[0-9A-Za-z]{10}$'),
    workspace_id    uuid        not null references workspaces (id) on delete cascade,
    post_id         uuid        not null,
    target_id       uuid        not null,
    part            text        not null check (part in ('text', 'link', 'comment')),
    url             text        not null check (length(url) between 8 and 8192),
    clicks          bigint      not null default 0,
    created_at      timestamptz not null default now(),
    last_clicked_at timestamptz
);

create index short_links_of_post on short_links (workspace_id, post_id);

-- Clicks per day (UTC), for the clicks of a period.
create table short_link_days (
    workspace_id uuid   not null references workspaces (id) on delete cascade,
    code         text   not null references short_links (code) on delete cascade,
    day          date   not null,
    clicks       bigint not null check (clicks > 0),
    primary key (code, day)
);

create index short_link_days_of_workspace on short_link_days (workspace_id, day);

alter table short_links enable row level security;
alter table short_links force row level security;
create policy tenant_isolation on short_links using (workspace_id = herald_current_workspace())
    with check (workspace_id = herald_current_workspace());

alter table short_link_days enable row level security;
alter table short_link_days force row level security;
create policy tenant_isolation on short_link_days using (workspace_id = herald_current_workspace())
    with check (workspace_id = herald_current_workspace());

-- Following a short link happens before any tenant scope exists (a reader on the platform, signed in nowhere): this
-- names the link's destination, nothing else, and only for a code someone holds; with p_count it also counts the click.
create function herald_follow_short_link(p_code text, p_count boolean) returns text
    language plpgsql security definer set search_path = public, pg_temp
    as $$
declare
    v_url       text;
    v_workspace uuid;
begin
    if not p_count then
        select s.url into v_url from short_links s where s.code = p_code;
        return v_url;
    end if;
    update short_links s set clicks = s.clicks + 1, last_clicked_at = now()
        where s.code = p_code
        returning s.url, s.workspace_id into v_url, v_workspace;
    if v_url is not null then
        insert into short_link_days as d (workspace_id, code, day, clicks)
            values (v_workspace, p_code, (now() at time zone 'UTC')::date, 1)
            on conflict (code, day) do update set clicks = d.clicks + 1;
    end if;
    return v_url;
end $$;

revoke execute on function herald_follow_short_link(text, boolean) from public;
grant execute on function herald_follow_short_link(text, boolean) to ${app_role};
