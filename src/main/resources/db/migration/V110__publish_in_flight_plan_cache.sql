-- The per-platform cap's count (V71), as PL/pgSQL instead of SQL: a SECURITY DEFINER SQL function is never inlined,
-- and its query was planned again at every claim, half of its cost in a burst (scripts/bench --statements). PL/pgSQL
-- keeps the plan for the session. Same signature, result and grants.
create or replace function herald_publish_in_flight(p_provider text, p_since timestamptz, p_except uuid)
    returns integer
    language plpgsql stable security definer set search_path = public, pg_temp as $$
begin
    return (select count(*)::integer from publish_attempts a
              join post_targets t on t.workspace_id = a.workspace_id and t.id = a.target_id
             where a.finished_at is null and a.started_at > p_since and t.provider = p_provider
               and a.target_id <> p_except);
end
$$;
revoke all on function herald_publish_in_flight(text, timestamptz, uuid) from public;
grant execute on function herald_publish_in_flight(text, timestamptz, uuid) to ${app_role};
