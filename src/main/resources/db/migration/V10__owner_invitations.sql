-- A workspace provisioned by the operator for a person without an account gets its first owner through an
-- invitation bound to that person's email, so invitations may now carry the owner role.
alter table invitations drop constraint invitations_role_check;
alter table invitations add constraint invitations_role_check check (role in ('owner', 'admin', 'editor', 'viewer'));
