-- The "All workspaces" page: for every workspace a person belongs to, what needs someone and what publishes next, in
-- one read (an agency's people belong to hundreds). Like herald_workspace_directory, these cross tenants by design,
-- only for the workspaces the given user is a member of, and answer counts, never posts or accounts.

-- Posts due or created since p_since (and all later ones), per workspace: one range scan of posts_listing each.
create function herald_post_digest(p_user uuid, p_since timestamptz, p_attention_since timestamptz,
                                   p_now timestamptz, p_horizon timestamptz)
    returns table (workspace_id uuid, failed bigint, awaiting_approval bigint, scheduled_soon bigint,
                   next_due_at timestamptz, published_recently bigint, last_published_at timestamptz)
    language sql stable security definer set search_path = public, pg_temp as $$
    select m.workspace_id,
           count(*) filter (where p.status in ('failed', 'partially_failed') and p.updated_at >= p_attention_since),
           count(*) filter (where p.status = 'pending_approval'),
           count(*) filter (where p.status = 'scheduled' and p.scheduled_at < p_horizon),
           min(p.scheduled_at) filter (where p.status = 'scheduled' and p.scheduled_at >= p_now),
           count(*) filter (where p.status = 'published' and p.updated_at >= p_attention_since),
           max(p.updated_at) filter (where p.status = 'published')
    from memberships m
    join posts p on p.workspace_id = m.workspace_id and coalesce(p.scheduled_at, p.created_at) >= p_since
    where m.user_id = p_user
    group by m.workspace_id
$$;
revoke all on function herald_post_digest(uuid, timestamptz, timestamptz, timestamptz, timestamptz) from public;
grant execute on function herald_post_digest(uuid, timestamptz, timestamptz, timestamptz, timestamptz)
    to ${app_role};

-- Accounts the platform refused to refresh, per workspace.
create function herald_reconnect_digest(p_user uuid)
    returns table (workspace_id uuid, needing_reconnect bigint)
    language sql stable security definer set search_path = public, pg_temp as $$
    select m.workspace_id, count(*)
    from memberships m
    join connections c on c.workspace_id = m.workspace_id and c.status = 'needs_reconnect'
    where m.user_id = p_user
    group by m.workspace_id
$$;
revoke all on function herald_reconnect_digest(uuid) from public;
grant execute on function herald_reconnect_digest(uuid) to ${app_role};
