-- The consent a connection came from. One consent may grant several accounts (Facebook Pages, LinkedIn organizations)
-- that share the user's grant at the platform: disconnecting one of them must not revoke the grant the others still
-- publish with. Null for connections stored before this column (each is then treated as its own grant).
alter table connections add column grant_id uuid;
create index connections_grant on connections (workspace_id, grant_id) where grant_id is not null;
