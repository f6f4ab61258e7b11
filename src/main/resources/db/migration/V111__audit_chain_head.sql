-- The head of a workspace's audit chain, taken for an append in one round trip instead of two: the advisory lock that
-- serialises appends to the chain, then the newest entry's hash. PL/pgSQL and VOLATILE on purpose: the SELECT runs
-- after the lock is granted with a snapshot of its own, so it sees the entry of the append that held the lock before
-- (one statement that locked and read would read with a snapshot taken before the wait). Not SECURITY DEFINER: the
-- caller's row-level security applies to the read.
create function herald_audit_head(p_workspace uuid) returns bytea
    language plpgsql volatile set search_path = public, pg_temp as $$
begin
    perform pg_advisory_xact_lock(hashtextextended(p_workspace::text, 7));
    return (select hash from audit_events where workspace_id = p_workspace order by seq desc limit 1);
end
$$;
revoke all on function herald_audit_head(uuid) from public;
grant execute on function herald_audit_head(uuid) to ${app_role};
