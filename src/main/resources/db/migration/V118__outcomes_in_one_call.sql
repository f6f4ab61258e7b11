-- The outcomes of several publish attempts in one call, which is their whole transaction when sent outside one
-- (auto-commit): one round trip and one commit for a batch of targets instead of one each (docs/adr/0011, the outcome
-- half). Not SECURITY DEFINER: each item runs herald_complete_target (V116) with its own workspace's row-level security
-- scope, cleared before the next item, so every statement sees only the rows of the item's workspace, as one call per
-- item would. Refuses to run inside a transaction scoped to a workspace.
--
-- p_items is a JSON array of objects holding herald_complete_target's arguments by name (without the p_ prefix); the
-- caller orders it by workspace and post, so that two batches lock posts in one order. Every item's outcome is written
-- first, without its audit entry, and the audit entries of the applied ones follow: the batch takes every post lock
-- before any audit chain's lock, the order a claim takes them in (its post, then the chain of its secret.decrypted
-- entry), so that a claim and a batch cannot wait for each other. The commit is flushed when any item asks for it.
-- Returns, for each item in order, whether its fence held (herald_complete_target's answer).
create function herald_complete_targets(p_items jsonb, p_jobs text, p_task text) returns boolean[]
    language plpgsql volatile set search_path = public, pg_temp as $$
declare
    v_item jsonb;
    v_applied boolean[] := '{}';
    v_durable boolean := false;
    v_count integer := jsonb_array_length(p_items);
begin
    if coalesce(current_setting('herald.workspace_id', true), '') <> '' then
        raise exception 'herald_complete_targets: the transaction is scoped to a workspace';
    end if;
    for i in 0 .. v_count - 1 loop
        v_item := p_items -> i;
        perform set_config('herald.workspace_id', '', true);
        v_applied := v_applied || herald_complete_target(
            (v_item ->> 'workspace')::uuid, (v_item ->> 'post')::uuid, (v_item ->> 'target')::uuid,
            (v_item ->> 'fence')::integer, (v_item ->> 'durable')::boolean, v_item ->> 'status', v_item ->> 'outcome',
            v_item ->> 'detail', v_item ->> 'platformId', v_item ->> 'url', (v_item ->> 'due')::timestamptz,
            (v_item ->> 'since')::timestamptz, (v_item ->> 'now')::timestamptz, v_item ->> 'overtaken',
            p_jobs, p_task, v_item ->> 'target', (v_item ->> 'endJob')::boolean,
            null, null, null, null, null, null, null, null, null, null, null, null);
        v_durable := v_durable or (v_item ->> 'durable')::boolean;
    end loop;
    for i in 0 .. v_count - 1 loop
        v_item := p_items -> i;
        if v_applied[i + 1] and v_item ? 'auditId' then
            perform set_config('herald.workspace_id', '', true);
            perform set_config('herald.workspace_id', v_item ->> 'workspace', true);
            perform herald_audit_append((v_item ->> 'workspace')::uuid, (v_item ->> 'auditId')::uuid,
                                        (v_item ->> 'auditAt')::timestamptz, v_item ->> 'actorType',
                                        v_item ->> 'actorId', v_item ->> 'actorLabel', v_item ->> 'action',
                                        v_item ->> 'targetType', v_item ->> 'targetId', (v_item ->> 'details')::jsonb,
                                        v_item ->> 'ip', v_item ->> 'userAgent', decode(v_item ->> 'canonical', 'hex'));
        end if;
    end loop;
    perform set_config('herald.workspace_id', '', true);
    perform set_config('synchronous_commit', case when v_durable then 'on' else 'off' end, true);
    return v_applied;
end
$$;
revoke all on function herald_complete_targets(jsonb, text, text) from public;
grant execute on function herald_complete_targets(jsonb, text, text) to ${app_role};
