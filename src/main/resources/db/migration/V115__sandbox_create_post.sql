-- The Sandbox's create, in one round trip instead of six (the account, the duplicate check, the per-account advisory
-- lock, the duplicate check again under it, the insert, the read back) and one commit instead of two (the posts
-- counter). PL/pgSQL and VOLATILE on purpose, as herald_audit_head: the duplicate check runs after the lock is granted
-- with a snapshot of its own, so it sees the post of a concurrent create that held the lock before. No row when the
-- account is gone; duplicate = true, with nothing written, when the account posted the same text within the window.
create function sandbox_create_post(p_id uuid, p_account uuid, p_text text, p_link text, p_urls text[],
                                    p_types text[], p_sizes bigint[], p_now timestamptz, p_since timestamptz)
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
    insert into sandbox_counters as c (name, value) values ('posts', 1)
    on conflict (name) do update set value = c.value + 1;
    return query select v_handle, false;
end
$$;
revoke all on function sandbox_create_post(uuid, uuid, text, text, text[], text[], bigint[], timestamptz, timestamptz)
    from public;
grant execute on function sandbox_create_post(uuid, uuid, text, text, text[], text[], bigint[], timestamptz, timestamptz)
    to ${app_role};
