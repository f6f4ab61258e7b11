-- A node sweeps only the comments of the platforms it has a provider for. Every node of one deployment knows the
-- same platforms; during a rolling upgrade that adds one, the nodes still on the old version leave its comments to
-- the new ones instead of failing them ("Herald cannot write comments on ..."). The same holds for several
-- applications sharing one database (the test suite's contexts, each with its own platforms).
drop function herald_comments_due(timestamptz, integer);

create function herald_comments_due(p_now timestamptz, p_limit integer, p_providers text[])
    returns table (workspace_id uuid, target_id uuid)
    language sql stable security definer set search_path = public, pg_temp as $$
    select t.workspace_id, t.id from post_targets t
     where t.comment_status in ('waiting', 'posting')
       and t.status in ('published', 'failed', 'cancelled')
       and (t.comment_due_at is null or t.comment_due_at <= p_now)
       and t.provider = any (p_providers)
     order by t.comment_due_at nulls first, t.published_at
     limit p_limit $$;
revoke all on function herald_comments_due(timestamptz, integer, text[]) from public;
grant execute on function herald_comments_due(timestamptz, integer, text[]) to ${app_role};
