-- The value rules of the tables that every publish writes, as domains instead of table CHECK constraints. Same rules,
-- same values accepted; what changes is when PostgreSQL pays for them.
--
-- A table's CHECK constraints are all evaluated on every INSERT and on every UPDATE of any column, and each statement
-- first re-reads them from their stored text (stringToNode of pg_constraint.conbin, then plans and compiles them): the
-- claim and the outcome of one post update the post twice, its target twice and its attempt once, so the five checks
-- of posts (5,300 characters of node text) were parsed and compiled again and again to check columns nobody changed.
-- A domain's rule is checked only when a value is assigned to a column of that type, from an expression the type
-- cache keeps parsed. Measured (docs/benchmarks.md, 2026-12-02 evening): herald_complete_target (V116) called in a
-- loop as the runtime role, 4,700 targets of a benchmark's database, took 0.20 ms a call, of which 18% in
-- ExecConstraints; 0.155 ms with these domains.
--
-- Columns of other tables keep their CHECK constraints: they are not written per post. (V118 was the number of an
-- experiment that was reverted, 632dd20; it is left unused.)

create domain herald_post_status as text
    check (value in ('draft', 'pending_approval', 'scheduled', 'publishing', 'published', 'partially_failed',
                     'failed', 'cancelled'));
create domain herald_target_status as text
    check (value in ('scheduled', 'publishing', 'published', 'failed', 'unknown', 'cancelled'));
create domain herald_attempt_outcome as text
    check (value in ('published', 'reconciled', 'retry', 'failed', 'unknown', 'fenced'));
create domain herald_actor_type as text
    check (value in ('user', 'api_key', 'agent', 'system', 'operator'));
create domain herald_post_origin as text
    check (value in ('ui', 'api', 'agent_api', 'mcp', 'system'));
create domain herald_post_body as text
    check (length(value) <= 10000);
create domain herald_actor_label as text
    check (length(value) <= 300);

alter table posts
    drop constraint posts_status_check,
    drop constraint posts_body_check,
    drop constraint posts_origin_check,
    drop constraint posts_created_by_type_check,
    drop constraint posts_created_by_label_check,
    alter column status type herald_post_status,
    alter column body type herald_post_body,
    alter column origin type herald_post_origin,
    alter column created_by_type type herald_actor_type,
    alter column created_by_label type herald_actor_label;

alter table post_targets
    drop constraint post_targets_status_check,
    alter column status type herald_target_status;

alter table publish_attempts
    drop constraint publish_attempts_outcome_check,
    alter column outcome type herald_attempt_outcome;

alter table audit_events
    drop constraint audit_events_actor_type_check,
    alter column actor_type type herald_actor_type;

-- The unique constraint's index on (workspace_id, post_id, connection_id) serves every look-up by (workspace_id,
-- post_id) as well; this one only cost an index entry at each write of a target (a target's status is indexed, so
-- none of its updates is HOT).
drop index post_targets_post;

-- db-scheduler orders due executions by priority only when its priority is enabled (db-scheduler.priority-enabled),
-- which Herald leaves off: polling orders by execution_time alone (execution_time_idx), and this index was written at
-- every job's insert and at every pick (which updates last_heartbeat, indexed, so picks are never HOT). Enabling
-- priorities means creating it again: (priority desc, execution_time asc).
drop index priority_execution_time_idx;
