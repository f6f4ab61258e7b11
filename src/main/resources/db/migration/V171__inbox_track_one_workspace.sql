-- The inbox's "check now" watches what its own workspace published, not every workspace's: herald_inbox_track takes
-- the workspace to look at (null: all, as the sweep asks). Otherwise as V169.
drop function herald_inbox_track(timestamptz, interval, interval, interval, text[], integer);

create function herald_inbox_track(p_now timestamptz, p_first_read interval, p_overlap interval,
                                   p_backfill interval, p_providers text[], p_limit integer, p_workspace uuid)
    returns integer
    language sql volatile security definer set search_path = public, pg_temp as $$
    with found as (
        select t.workspace_id, t.id, t.post_id, t.connection_id, t.provider, t.account_handle, t.platform_post_id,
               t.published_at
          from workspaces w
         cross join lateral (
             select coalesce(max(i.published_at) - p_overlap, p_now - p_backfill) as since
               from inbox_watches i where i.workspace_id = w.id) latest
         cross join lateral (
             select t.* from post_targets t
              where t.workspace_id = w.id and t.status = 'published' and t.published_at > latest.since
                and t.platform_post_id is not null and t.provider = any(p_providers)
                and not exists (select 1 from inbox_watches i
                                 where i.workspace_id = t.workspace_id and i.target_id = t.id)
              order by t.published_at
              limit p_limit) t
         where p_workspace is null or w.id = p_workspace
         limit p_limit
    ), added as (
        insert into inbox_watches (workspace_id, target_id, post_id, connection_id, provider, account_handle,
                                   platform_post_id, published_at, next_read_at)
        select f.workspace_id, f.id, f.post_id, f.connection_id, f.provider, f.account_handle, f.platform_post_id,
               f.published_at, greatest(f.published_at + p_first_read, p_now)
          from found f
        on conflict do nothing
        returning 1
    )
    select count(*)::integer from added $$;
revoke all on function herald_inbox_track(timestamptz, interval, interval, interval, text[], integer, uuid) from public;
grant execute on function herald_inbox_track(timestamptz, interval, interval, interval, text[], integer, uuid)
    to ${app_role};
