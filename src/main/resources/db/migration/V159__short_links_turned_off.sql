-- A short link its workspace turned off: the link it led to went bad (a page taken over, an offer that must not be
-- reached any more), and the post is out on the platform where Herald cannot edit it. A turned-off link leads nowhere
-- and counts nothing (the reader sees "This link was turned off"); it can be turned on again. See
-- herald.publishing.ShortLinks and docs/short-links.md.
alter table short_links add column turned_off_at timestamptz;

drop function herald_follow_short_link(text, boolean);

-- As V149's, but a turned-off link names no destination and counts no click.
create function herald_follow_short_link(p_code text, p_count boolean) returns text
    language plpgsql security definer set search_path = public, pg_temp
    as $$
declare
    v_url       text;
    v_workspace uuid;
begin
    if not p_count then
        select s.url into v_url from short_links s where s.code = p_code and s.turned_off_at is null;
        return v_url;
    end if;
    update short_links s set clicks = s.clicks + 1, last_clicked_at = now()
        where s.code = p_code and s.turned_off_at is null
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

-- Whether a code someone holds was turned off (its reader gets "turned off", not "leads nowhere"); nothing else.
create function herald_short_link_turned_off(p_code text) returns boolean
    language sql stable security definer set search_path = public, pg_temp as $$
    select exists (select 1 from short_links s where s.code = p_code and s.turned_off_at is not null) $$;
revoke execute on function herald_short_link_turned_off(text) from public;
grant execute on function herald_short_link_turned_off(text) to ${app_role};
