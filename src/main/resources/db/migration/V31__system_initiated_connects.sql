-- Herald itself may start a connect (the demo workspaces' Sandbox accounts at start-up), so the audit log names the
-- system rather than a person or key that did not act.
alter table oauth_states drop constraint oauth_states_initiator_type_check;
alter table oauth_states add constraint oauth_states_initiator_type_check
    check (initiator_type in ('user', 'api_key', 'system'));
