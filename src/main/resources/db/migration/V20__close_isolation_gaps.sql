-- Two gaps in V1 found by the catalog gate (RowLevelSecurityCatalogTests).
--
-- 1. workspace_tombstones carries a workspace_id but had no row-level security, so the runtime role could read
--    the names of every tenant's deleted workspaces. It is written only while deleting, inside that workspace's
--    scope, and read by the operator (as the owner role); the runtime role needs nothing more.
alter table workspace_tombstones enable row level security;
alter table workspace_tombstones force row level security;
create policy tenant_isolation on workspace_tombstones
    using (workspace_id = herald_current_workspace())
    with check (workspace_id = herald_current_workspace());

-- 2. ALTER DEFAULT PRIVILEGES IN SCHEMA can only add to the global defaults, never take away from them, so V1's
--    "revoke execute on functions from public" changed nothing: every function, the SECURITY DEFINER ones that
--    read across tenants included, was executable by any role that can connect. Revoke it from the functions that
--    exist and, for this role's future functions, in the global defaults. The runtime role keeps its explicit
--    grants.
alter default privileges revoke execute on functions from public;
do $$
declare f regprocedure;
begin
    for f in select p.oid from pg_proc p join pg_namespace n on n.oid = p.pronamespace
             where n.nspname = 'public' and p.proowner = current_user::regrole loop
        execute format('revoke execute on function %s from public', f);
    end loop;
end $$;

-- 3. With "set search_path = public" the temporary schema is still searched first, so a caller allowed to create
--    temporary tables could shadow memberships or api_keys inside a SECURITY DEFINER function and steer what it
--    returns. The runtime role has no TEMP right on Herald's database, but that depends on how an operator created
--    it; pinning pg_temp last makes the functions safe either way (PostgreSQL's own advice for such functions).
do $$
declare f regprocedure;
begin
    for f in select p.oid from pg_proc p join pg_namespace n on n.oid = p.pronamespace
             where n.nspname = 'public' and p.prosecdef and p.proowner = current_user::regrole loop
        execute format('alter function %s set search_path = public, pg_temp', f);
    end loop;
end $$;
