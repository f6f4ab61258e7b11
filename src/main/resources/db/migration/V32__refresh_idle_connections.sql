-- Some platforms' refresh tokens lapse when unused (the Sandbox's after 30 days), so the sweep also refreshes a
-- connection that has gone too long without a refresh. Ids only, like the other cross-tenant reads.
create function herald_connections_idle(p_provider text, p_idle_before timestamptz, p_now timestamptz,
                                        p_limit integer)
    returns table (workspace_id uuid, connection_id uuid)
    language sql stable security definer set search_path = public, pg_temp
    as $$ select c.workspace_id, c.id from connections c
          where c.provider = p_provider and c.status = 'active' and c.refresh_token is not null
            and coalesce(c.last_refreshed_at, c.connected_at) < p_idle_before
            and (c.retry_after is null or c.retry_after <= p_now)
          order by coalesce(c.last_refreshed_at, c.connected_at) limit p_limit $$;

revoke execute on function herald_connections_idle(text, timestamptz, timestamptz, integer) from public;
grant execute on function herald_connections_idle(text, timestamptz, timestamptz, integer) to ${app_role};
