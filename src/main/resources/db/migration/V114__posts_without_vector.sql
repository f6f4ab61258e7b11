-- Which of these posts of these workspaces have no vector yet. The similarity listener asks it once for a batch of
-- published targets, of many workspaces, instead of opening a transaction per target to find that the post's vector
-- is there already (it almost always is: the post's PostScheduled stored it). It answers only about the pairs it is
-- given, so it shows no other row.
create function herald_posts_without_vector(p_workspaces uuid[], p_posts uuid[])
    returns table (workspace_id uuid, post_id uuid)
    language sql stable security definer set search_path = public, pg_temp as $$
    select t.w, t.p from unnest(p_workspaces, p_posts) as t(w, p)
    where not exists (select 1 from post_vectors v where v.workspace_id = t.w and v.post_id = t.p) $$;
revoke all on function herald_posts_without_vector(uuid[], uuid[]) from public;
grant execute on function herald_posts_without_vector(uuid[], uuid[]) to ${app_role};
