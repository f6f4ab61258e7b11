-- The Sandbox's posts counter in sixteen rows instead of one. Every create updated the one 'posts' row last thing
-- before its commit, so concurrent creates of different accounts queued on that row's lock and wrote each a new version
-- of the same tuple. A create now adds to the shard of its account, 'posts:0' to 'posts:15'; Counters sums the shards
-- into the one figure GET /sandbox/admin/stats shows.
create or replace function sandbox_create_post(p_id uuid, p_account uuid, p_text text, p_link text, p_urls text[],
                                               p_types text[], p_sizes bigint[], p_now timestamptz,
                                               p_since timestamptz)
    returns table (handle text, duplicate boolean)
    language plpgsql volatile set search_path = public, pg_temp as $$
declare
    v_handle text;
begin
    select a.handle into v_handle from sandbox_accounts a where a.id = p_account;
    if v_handle is null then
        return;
    end if;
    perform pg_advisory_xact_lock(hashtext(p_account::text));
    if p_text !~ '^\s*$' and exists (select 1 from sandbox_posts p
                                      where p.account_id = p_account and p.text = p_text and p.created_at > p_since) then
        return query select v_handle, true;
        return;
    end if;
    insert into sandbox_posts (id, account_id, text, link, media_urls, media_content_types, media_sizes, created_at)
    values (p_id, p_account, p_text, p_link, p_urls, p_types, p_sizes, p_now);
    insert into sandbox_counters as c (name, value) values ('posts:' || (hashtext(p_account::text) & 15), 1)
    on conflict (name) do update set value = c.value + 1;
    return query select v_handle, false;
end
$$;

update sandbox_counters set name = 'posts:0' where name = 'posts';
