-- Tests only: a tenant table with an encrypted column, declared as an EncryptedColumn by the vault tests, so key
-- rotation is exercised on real rows in several workspaces.
create table vault_test_secrets (
    workspace_id uuid  not null references workspaces (id) on delete cascade,
    id           uuid  not null,
    secret       bytea,
    primary key (workspace_id, id)
);
alter table vault_test_secrets enable row level security;
alter table vault_test_secrets force row level security;
create policy tenant_isolation on vault_test_secrets
    using (workspace_id = herald_current_workspace())
    with check (workspace_id = herald_current_workspace());
