-- The published outcomes of many targets, of any workspaces, in one call and one transaction (PublishedOutcomes):
-- what herald_complete_target (V143) does for one published outcome, done by each statement for the whole batch.
-- A statement's start (its executor, the plan cache's locks on every relation and index, its snapshot) costs more
-- than the rows of one target it writes (docs/benchmarks.md, 2026-12-02), so a batch of n targets costs about one
-- target's statements plus n targets' rows. docs/adr/0011 records why the batch is made on purpose.
--
-- SECURITY DEFINER, as herald_publish_in_flight (V71): a batch spans workspaces and a transaction has one row-level
-- security scope, so the function runs as the schema owner and takes explicit (workspace, post, target, fence) items.
-- Every statement joins on both columns of each pair, so an item naming a target or post of another workspace than
-- its own touches nothing. This grants the runtime role nothing it could not do before: herald_complete_target sets
-- its scope from the p_workspace its caller passes.
--
-- In order, as the single call: the commit does not wait for its WAL flush (a published outcome lost in a crash is
-- an unfinished attempt, which the next attempt reconciles); the posts locked in one order, (workspace_id, id), so
-- that two batches, or a batch and a single locker, cannot deadlock; the targets still carrying their item's fence
-- marked published; the journal entries closed, those of overtaken items as fenced; the posts of the applied items
-- settled from their targets (Settlement.of); the applied targets' jobs deleted; and their audit entries appended, each
-- workspace's advisory lock taken in one order after the posts', each entry linked to the one before it in its
-- workspace's chain (two entries of one workspace in a batch link to each other). Returns the ordinals (1-based) of
-- the items that were applied.
create function herald_complete_published(
    p_workspaces uuid[], p_posts uuid[], p_targets uuid[], p_fences integer[], p_outcomes text[],
    p_platform_ids text[], p_urls text[], p_ats timestamptz[], p_now timestamptz, p_jobs text, p_task text,
    p_audit_ids uuid[], p_audit_ats timestamptz[], p_actor_types text[], p_actor_ids text[], p_actor_labels text[],
    p_actions text[], p_target_types text[], p_target_ids text[], p_details text[], p_ips text[],
    p_user_agents text[], p_canonicals bytea[])
    returns setof integer
    language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare
    v_applied integer[];
    v_workspace uuid;
begin
    if cardinality(p_workspaces) is distinct from cardinality(p_targets)
       or cardinality(p_workspaces) is distinct from cardinality(p_posts)
       or cardinality(p_workspaces) is distinct from cardinality(p_fences)
       or cardinality(p_workspaces) is distinct from cardinality(p_outcomes)
       or cardinality(p_workspaces) is distinct from cardinality(p_ats)
       or cardinality(p_workspaces) is distinct from cardinality(p_audit_ids) then
        raise exception 'herald_complete_published: the item arrays differ in length';
    end if;
    if exists (select 1 from unnest(p_outcomes) o where o not in ('published', 'reconciled')) then
        raise exception 'herald_complete_published: only published outcomes are batched';
    end if;
    perform set_config('synchronous_commit', 'off', true);
    perform 1 from posts p
    where (p.workspace_id, p.id) in (select i.w, i.p from unnest(p_workspaces, p_posts) as i(w, p))
    order by p.workspace_id, p.id
    for update;
    with applied as (
        update post_targets pt set status = 'published', last_error = null,
            platform_post_id = coalesce(i.platform_id, pt.platform_post_id),
            platform_url = coalesce(i.url, pt.platform_url),
            published_at = i.at, reconcile_since = null, updated_at = i.at
        from unnest(p_workspaces, p_posts, p_targets, p_fences, p_platform_ids, p_urls, p_ats)
             with ordinality as i(w, p, t, fence, platform_id, url, at, n)
        where pt.workspace_id = i.w and pt.id = i.t and pt.post_id = i.p and pt.fence = i.fence
        returning i.n
    )
    select array_agg(n::integer) into v_applied from applied;
    v_applied := coalesce(v_applied, '{}');
    update publish_attempts a set finished_at = i.at,
        outcome = case when i.n = any (v_applied) then i.outcome else 'fenced' end,
        detail = case when i.n = any (v_applied) then null
                      else 'A newer attempt took over; this outcome was not applied: ' || i.outcome end
    from unnest(p_workspaces, p_targets, p_fences, p_outcomes, p_ats) with ordinality as i(w, t, fence, outcome, at, n)
    where a.workspace_id = i.w and a.target_id = i.t and a.fence = i.fence and a.finished_at is null;
    if cardinality(v_applied) = 0 then
        return;
    end if;
    -- Settlement.of, as herald_complete_target: unfinished targets (held ones too) keep the post publishing; else
    -- published when every target not cancelled was, failed when none was, partially failed otherwise.
    with settled as (
        select t.workspace_id, t.post_id, case
            when bool_or(t.status in ('scheduled', 'held', 'publishing')) then 'publishing'
            when count(*) filter (where t.status <> 'cancelled') = 0 then 'cancelled'
            when count(*) filter (where t.status = 'published')
                 = count(*) filter (where t.status <> 'cancelled') then 'published'
            when count(*) filter (where t.status = 'published') = 0 then 'failed'
            else 'partially_failed' end as status
        from post_targets t
        where (t.workspace_id, t.post_id) in (select p_workspaces[n], p_posts[n] from unnest(v_applied) n)
        group by t.workspace_id, t.post_id
    )
    update posts p set status = s.status, updated_at = p_now
    from settled s where p.workspace_id = s.workspace_id and p.id = s.post_id;
    if p_jobs = 'scheduled_tasks' then
        -- db-scheduler's default table, in a static statement: its plan is cached, where EXECUTE plans every call.
        delete from scheduled_tasks
        where task_name = p_task and task_instance in (select p_targets[n]::text from unnest(v_applied) n);
    else
        execute format('delete from %I where task_name = $1 and task_instance in '
                       '(select ($2)[n]::text from unnest($3) n)', p_jobs) using p_task, p_targets, v_applied;
    end if;
    -- The audit entries: every workspace's chain locked in one order (herald_audit_head's lock), then one statement
    -- reads each chain's newest hash, with a snapshot taken after the locks, and appends the entries in chain order.
    for v_workspace in
        select distinct p_workspaces[n] from unnest(v_applied) n where p_audit_ids[n] is not null order by 1
    loop
        perform pg_advisory_xact_lock(hashtextextended(v_workspace::text, 7));
    end loop;
    insert into audit_events (workspace_id, id, occurred_at, actor_type, actor_id, actor_label, action, target_type,
                              target_id, details, ip, user_agent, prev_hash, hash)
    with recursive entries as (
        select n, p_workspaces[n] as w, row_number() over (partition by p_workspaces[n] order by n) as k
        from unnest(v_applied) n where p_audit_ids[n] is not null
    ), heads as (
        select e.w, (select a.hash from audit_events a where a.workspace_id = e.w order by a.seq desc limit 1) as hash
        from (select distinct w from entries) e
    ), chain (w, k, n, prev_hash, hash) as (
        select e.w, e.k, e.n, h.hash, sha256(coalesce(h.hash, ''::bytea) || p_canonicals[e.n])
        from entries e join heads h on h.w = e.w
        where e.k = 1
        union all
        select e.w, e.k, e.n, c.hash, sha256(c.hash || p_canonicals[e.n])
        from chain c join entries e on e.w = c.w and e.k = c.k + 1
    )
    select c.w, p_audit_ids[c.n], p_audit_ats[c.n], p_actor_types[c.n], p_actor_ids[c.n], p_actor_labels[c.n],
           p_actions[c.n], p_target_types[c.n], p_target_ids[c.n], cast(p_details[c.n] as jsonb), p_ips[c.n],
           p_user_agents[c.n], c.prev_hash, c.hash
    from chain c
    order by c.w, c.k;
    return query select unnest(v_applied);
end
$$;
revoke all on function herald_complete_published(uuid[], uuid[], uuid[], integer[], text[], text[], text[], timestamptz[],
    timestamptz, text, text, uuid[], timestamptz[], text[], text[], text[], text[], text[], text[], text[], text[], text[], bytea[])
    from public;
grant execute on function herald_complete_published(uuid[], uuid[], uuid[], integer[], text[], text[], text[],
    timestamptz[], timestamptz, text, text, uuid[], timestamptz[], text[], text[], text[], text[], text[], text[], text[], text[],
    text[], bytea[]) to ${app_role};
