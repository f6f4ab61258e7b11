-- Pausing publishing to an account (docs/pausing.md): a paused connection's scheduled targets wait as 'held' until a
-- person resumes it. The pause is a column of the connection, whose row lock orders a pause against the posts created
-- for the account at the same time (herald.publishing.Pausing); the dispatcher's claim and its hot path are unchanged:
-- a job that finds its target held does nothing.

alter table connections add column paused_at timestamptz;

alter domain herald_target_status drop constraint herald_target_status_check;
alter domain herald_target_status add constraint herald_target_status_check
    check (value in ('scheduled', 'held', 'publishing', 'published', 'failed', 'unknown', 'cancelled'));

-- V116's function, with two changes. A retry (p_status 'scheduled') of a target whose account was paused while its
-- attempt was in flight is stored held, so that it waits for the resume like the account's other targets: the
-- account's row is read under a key-share lock, which waits for a pause in progress (a pause holds the row for update
-- while it holds the account's targets) or makes the pause wait for this outcome, whose target it then holds. Only a
-- retry pays for that read: a published, failed or unknown outcome runs as before. And held targets count as
-- unfinished when the post's status is settled from its targets'.
create or replace function herald_complete_target(
    p_workspace uuid, p_post uuid, p_target uuid, p_fence integer, p_durable boolean,
    p_status text, p_outcome text, p_detail text, p_platform_id text, p_url text, p_due timestamptz,
    p_since timestamptz, p_now timestamptz, p_overtaken text,
    p_jobs text, p_task text, p_instance text, p_end_job boolean,
    p_audit_id uuid, p_audit_at timestamptz, p_actor_type text, p_actor_id text, p_actor_label text, p_action text,
    p_target_type text, p_target_id text, p_details jsonb, p_ip text, p_user_agent text, p_canonical bytea)
    returns boolean
    language plpgsql volatile set search_path = public, pg_temp as $$
declare
    v_scope text := current_setting('herald.workspace_id', true);
    v_settled text;
    v_status text := p_status;
    v_paused boolean;
begin
    if coalesce(v_scope, '') not in ('', p_workspace::text) then
        raise exception 'herald_complete_target: the transaction is scoped to another workspace';
    end if;
    perform set_config('herald.workspace_id', p_workspace::text, true);
    perform set_config('synchronous_commit', case when p_durable then 'on' else 'off' end, true);
    perform 1 from posts where workspace_id = p_workspace and id = p_post for update;
    if p_status = 'scheduled' then
        -- Locked whether paused or not: a filter on paused_at would skip the row of a pause not committed yet.
        select c.paused_at is not null into v_paused from connections c
        where c.workspace_id = p_workspace
          and c.id = (select t.connection_id from post_targets t where t.workspace_id = p_workspace and t.id = p_target)
        for key share;
        if v_paused then
            v_status := 'held';
        end if;
    end if;
    update post_targets set status = v_status,
        last_error = case when p_status = 'published' then null else p_detail end,
        platform_post_id = coalesce(p_platform_id, platform_post_id),
        platform_url = coalesce(p_url, platform_url),
        published_at = case when p_status = 'published' then p_now else published_at end,
        due_at = coalesce(p_due, due_at),
        reconcile_since = p_since, updated_at = p_now
    where workspace_id = p_workspace and id = p_target and fence = p_fence;
    if not found then
        update publish_attempts set finished_at = p_now, outcome = 'fenced', detail = p_overtaken
        where workspace_id = p_workspace and target_id = p_target and fence = p_fence and finished_at is null;
        return false;
    end if;
    update publish_attempts set finished_at = p_now, outcome = p_outcome, detail = p_detail
    where workspace_id = p_workspace and target_id = p_target and fence = p_fence and finished_at is null;
    -- Settlement.of: unfinished targets (held ones too: they wait for their account's resume) keep the post
    -- publishing; else published when every target not cancelled was, failed when none was, partially failed
    -- otherwise.
    select case
        when bool_or(t.status in ('scheduled', 'held', 'publishing')) then 'publishing'
        when count(*) filter (where t.status <> 'cancelled') = 0 then 'cancelled'
        when count(*) filter (where t.status = 'published')
             = count(*) filter (where t.status <> 'cancelled') then 'published'
        when count(*) filter (where t.status = 'published') = 0 then 'failed'
        else 'partially_failed' end
    into v_settled
    from post_targets t where t.workspace_id = p_workspace and t.post_id = p_post;
    update posts set status = v_settled, updated_at = p_now where workspace_id = p_workspace and id = p_post;
    if p_end_job and p_jobs = 'scheduled_tasks' then
        -- db-scheduler's default table, in a static statement: its plan is cached, where EXECUTE plans every call.
        delete from scheduled_tasks where task_name = p_task and task_instance = p_instance;
    elsif p_end_job then
        execute format('delete from %I where task_name = $1 and task_instance = $2', p_jobs) using p_task, p_instance;
    end if;
    if p_audit_id is not null then
        perform herald_audit_append(p_workspace, p_audit_id, p_audit_at, p_actor_type, p_actor_id, p_actor_label,
                                    p_action, p_target_type, p_target_id, p_details, p_ip, p_user_agent, p_canonical);
    end if;
    return true;
end
$$;
