-- The workspaces that have an enabled webhook endpoint, ids only: each node keeps this set so that an event of any
-- other workspace (nearly every publish) is dropped without a statement of its own.
create function herald_webhook_workspaces()
    returns setof uuid
    language sql stable security definer set search_path = public, pg_temp as $$
    select distinct e.workspace_id from webhook_endpoints e where e.enabled
$$;
revoke all on function herald_webhook_workspaces() from public;
grant execute on function herald_webhook_workspaces() to ${app_role};
