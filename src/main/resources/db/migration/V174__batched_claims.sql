-- The claims of many targets, of any workspaces, in one call (BatchedClaims, docs/adr/0011 "the claim half"): what
-- Claims does for one target in its transaction (Attempts.lockDue, then Attempts.claim), done by each statement for the
-- whole batch. SECURITY DEFINER, as herald_complete_published (V172) and for the same reason: a batch spans workspaces
-- and a transaction has one row-level security scope, so the function runs as the schema owner (BYPASSRLS) and takes
-- explicit (workspace, target) items; every statement joins on both columns of each pair, so an item naming another
-- workspace's target reads and writes nothing, and comes back as no row (the job then ends, as a claim that finds no
-- target does).
--
-- In order, each statement with a snapshot of its own (PL/pgSQL, VOLATILE): the items' posts locked in one order,
-- (workspace_id, id), then their targets in one order, so that two batches, or a batch and a single claim, edit or
-- outcome (all of which lock the post first), cannot deadlock; then one statement that reads every item under its
-- locks and claims those it takes:
--
-- - an item is eligible when it is its target's first in the batch, its post does not shorten its links (short links
--   are written in the claim's transaction under the workspace's scope: such an item is handed back as `single`, and
--   its thread claims it alone), its target is not finished or held, its post not cancelled, a draft or awaiting
--   approval, and it is due by p_due_by;
-- - the caps count, as Attempts.claim does, the unfinished attempts started after p_in_flight_since on the item's
--   connection, in its workspace and on its platform (across workspaces), leaving out those of the batch's eligible
--   targets, and add the item's rank among the batch's eligible items of the same connection, workspace and platform:
--   two items of one account in one batch are held to the per-account cap as two claims one after the other would be.
--   An item the ranks count and a cap then defers makes the items after it wait too (a deferred item runs again within
--   1.5 s; taking one too many is what must never happen);
-- - a taken item supersedes its target's older unfinished attempt, is journaled with fence + 1 (reconciling from its
--   target's reconcile_since, else from the start of its own unfinished attempt), hands the target to the attempt and
--   moves a scheduled post to publishing;
-- - posts_today, for a taken item: its workspace's other posts published in the item's day (p_day_froms, p_day_tos,
--   the workspace's zone) or publishing, as Attempts.claim counts them, plus the other posts the batch's earlier taken
--   items of the workspace start publishing (which a claim after theirs would see as publishing);
-- - the connection of a taken item: its status, and its sealed access token only when it is active and not due for a
--   refresh (AccessTokens.openClaimed opens it and its secret.decrypted entry is appended, by herald_audit_append_many,
--   in the same transaction).
create function herald_claim_targets(
    p_workspaces uuid[], p_targets uuid[], p_day_froms timestamptz[], p_day_tos timestamptz[], p_now timestamptz,
    p_due_by timestamptz, p_in_flight_since timestamptz, p_stale_before timestamptz, p_cap_account integer,
    p_cap_workspace integer, p_cap_providers text[], p_cap_values integer[], p_cap_default integer, p_node text)
    returns table (n integer, post_id uuid, post_status text, post_body text, link text, media_ids uuid[], status text,
                   connection_id uuid, provider text, account_handle text, body text, due_at timestamptz,
                   attempts integer, fence integer, reconcile_since timestamptz, post_scheduled_at timestamptz,
                   tag_links boolean, utm_source text, utm_medium text, utm_campaign text, utm_content text,
                   utm_term text, short_links boolean, format text, post_language text, single boolean, taken boolean,
                   since timestamptz, posts_today integer, connection_status text, connection_reason text,
                   connection_username text, access_token bytea)
    language plpgsql volatile security definer set search_path = public, pg_temp as $$
#variable_conflict use_column
begin
    if cardinality(p_workspaces) is distinct from cardinality(p_targets)
       or cardinality(p_workspaces) is distinct from cardinality(p_day_froms)
       or cardinality(p_workspaces) is distinct from cardinality(p_day_tos)
       or cardinality(p_cap_providers) is distinct from cardinality(p_cap_values) then
        raise exception 'herald_claim_targets: the item arrays differ in length';
    end if;
    perform 1 from posts p
    where (p.workspace_id, p.id) in (select t.workspace_id, t.post_id
                                     from unnest(p_workspaces, p_targets) as i(w, t)
                                     join post_targets t on t.workspace_id = i.w and t.id = i.t)
    order by p.workspace_id, p.id
    for update;
    perform 1 from post_targets t
    where (t.workspace_id, t.id) in (select i.w, i.t from unnest(p_workspaces, p_targets) as i(w, t))
    order by t.workspace_id, t.id
    for update;
    return query
    with items as (
        select i.n::integer as n, i.w, i.t, i.n = min(i.n) over (partition by i.w, i.t) as first
        from unnest(p_workspaces, p_targets) with ordinality as i(w, t, n)
    ), found as (
        select i.n, i.w, i.t, i.first, t.post_id, p.status::text as post_status, p.body as post_body, p.link,
            p.media_ids, t.status::text as status, t.connection_id, t.provider::text as provider,
            t.account_handle::text as account_handle, t.body, t.due_at, t.attempts, t.fence,
            t.reconcile_since, p.scheduled_at as post_scheduled_at, p.tag_links,
            p.utm_values->>'source' as utm_source, p.utm_values->>'medium' as utm_medium,
            p.utm_values->>'campaign' as utm_campaign, p.utm_values->>'content' as utm_content,
            p.utm_values->>'term' as utm_term, p.short_links, t.format::text as format,
            coalesce(p.language, (select ws.post_language from workspaces ws where ws.id = i.w)) as post_language,
            not i.first or (p.short_links and t.format = 'post') as single
        from items i
        join post_targets t on t.workspace_id = i.w and t.id = i.t
        join posts p on p.workspace_id = i.w and p.id = t.post_id
    ), eligible as (
        select f.*,
            coalesce(p_cap_values[array_position(p_cap_providers, f.provider)], p_cap_default) as cap_platform,
            row_number() over (partition by f.w, f.connection_id order by f.n) as rank_account,
            row_number() over (partition by f.w order by f.n) as rank_workspace,
            row_number() over (partition by f.provider order by f.n) as rank_platform
        from found f
        where not f.single
          and f.status not in ('published', 'failed', 'unknown', 'cancelled', 'held')
          and f.post_status not in ('cancelled', 'draft', 'pending_approval')
          and (f.due_at is null or f.due_at <= p_due_by)
    ), open_ as (
        select a.workspace_id, a.target_id, a.started_at, t.connection_id, t.provider,
            (a.workspace_id, a.target_id) in (select e.w, e.t from eligible e) as own
        from publish_attempts a
        join post_targets t on t.workspace_id = a.workspace_id and t.id = a.target_id
        where a.finished_at is null
          and (a.workspace_id in (select e.w from eligible e) or t.provider in (select e.provider from eligible e))
    ), go as (
        select e.*, coalesce(e.reconcile_since,
                             (select min(o.started_at) from open_ o where o.workspace_id = e.w and o.target_id = e.t))
                    as since
        from eligible e
        where (select count(*) from open_ o where not o.own and o.started_at > p_in_flight_since
                 and o.workspace_id = e.w and o.connection_id = e.connection_id) + e.rank_account - 1 < p_cap_account
          and (select count(*) from open_ o where not o.own and o.started_at > p_in_flight_since
                 and o.workspace_id = e.w) + e.rank_workspace - 1 < p_cap_workspace
          and (select count(*) from open_ o where not o.own and o.started_at > p_in_flight_since
                 and o.provider = e.provider) + e.rank_platform - 1 < e.cap_platform
    ), counted as (
        -- Whether a taken item's post already counts today (publishing, or published in its day) before the batch.
        select g.n, g.w, g.post_id, exists (
            select 1 from post_targets t
            where t.workspace_id = g.w and t.post_id = g.post_id
              and ((t.status = 'published' and t.published_at >= p_day_froms[g.n] and t.published_at < p_day_tos[g.n])
                   or t.status = 'publishing')) as already
        from go g
    ), today as (
        select g.n, (
            select count(distinct t.post_id) from post_targets t
            where t.workspace_id = g.w and t.post_id <> g.post_id
              and ((t.status = 'published' and t.published_at >= p_day_froms[g.n] and t.published_at < p_day_tos[g.n])
                   or t.status = 'publishing'))
            + (select count(distinct c.post_id) from counted c
               where c.w = g.w and c.n < g.n and c.post_id <> g.post_id and not c.already) as posts
        from go g
    ), superseded as (
        update publish_attempts a set finished_at = p_now, outcome = 'fenced',
            detail = 'Superseded by attempt ' || (g.fence + 1) || ' before it finished.'
        from go g
        where a.workspace_id = g.w and a.target_id = g.t and a.finished_at is null
    ), journaled as (
        insert into publish_attempts (workspace_id, target_id, fence, reconciling, node, started_at)
        select g.w, g.t, g.fence + 1, g.since is not null, p_node, p_now from go g
    ), handed as (
        update post_targets t set status = 'publishing', fence = g.fence + 1, attempts = t.attempts + 1,
            reconcile_since = g.since, updated_at = p_now
        from go g
        where t.workspace_id = g.w and t.id = g.t
    ), started as (
        update posts p set status = 'publishing', updated_at = p_now
        where (p.workspace_id, p.id) in (select g.w, g.post_id from go g) and p.status = 'scheduled'
    )
    select f.n, f.post_id, f.post_status, f.post_body::text, f.link::text, f.media_ids, f.status, f.connection_id,
        f.provider, f.account_handle, f.body::text, f.due_at, f.attempts, f.fence, f.reconcile_since,
        f.post_scheduled_at, f.tag_links, f.utm_source, f.utm_medium, f.utm_campaign, f.utm_content, f.utm_term,
        f.short_links, f.format, f.post_language::text, f.single, g.n is not null, g.since,
        coalesce(d.posts, 0)::integer, c.status::text, c.status_reason::text, c.username::text,
        case when g.n is not null and c.status = 'active'
                  and (c.expires_at is null or c.expires_at >= p_stale_before) then c.access_token end
    from found f
    left join go g on g.n = f.n
    left join today d on d.n = f.n
    left join connections c on g.n is not null and c.workspace_id = f.w and c.id = f.connection_id
    order by f.n;
end
$$;
revoke all on function herald_claim_targets(uuid[], uuid[], timestamptz[], timestamptz[], timestamptz, timestamptz,
    timestamptz, timestamptz, integer, integer, text[], integer[], integer, text) from public;
grant execute on function herald_claim_targets(uuid[], uuid[], timestamptz[], timestamptz[], timestamptz, timestamptz,
    timestamptz, timestamptz, integer, integer, text[], integer[], integer, text) to ${app_role};

-- Audit entries of several workspaces in one call (AuditLog.appendAll): what herald_audit_append (V116) does for one,
-- for many, as herald_complete_published (V172) appends its entries. SECURITY DEFINER for the same reason as the two
-- functions above; an entry is written to the chain of the workspace its item names, and nowhere else. Each
-- workspace's advisory lock (herald_audit_head's) is taken in one order, then one statement, with a snapshot taken
-- after the locks, reads each chain's newest hash and appends the entries in item order, each linked to the one before
-- it in its workspace's chain.
create function herald_audit_append_many(
    p_workspaces uuid[], p_ids uuid[], p_ats timestamptz[], p_actor_types text[], p_actor_ids text[],
    p_actor_labels text[], p_actions text[], p_target_types text[], p_target_ids text[], p_details text[],
    p_ips text[], p_user_agents text[], p_canonicals bytea[])
    returns void
    language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare
    v_workspace uuid;
begin
    if cardinality(p_workspaces) is distinct from cardinality(p_ids)
       or cardinality(p_workspaces) is distinct from cardinality(p_canonicals) then
        raise exception 'herald_audit_append_many: the item arrays differ in length';
    end if;
    for v_workspace in select distinct w from unnest(p_workspaces) w order by 1
    loop
        perform pg_advisory_xact_lock(hashtextextended(v_workspace::text, 7));
    end loop;
    insert into audit_events (workspace_id, id, occurred_at, actor_type, actor_id, actor_label, action, target_type,
                              target_id, details, ip, user_agent, prev_hash, hash)
    with recursive entries as (
        select i.n, i.w, row_number() over (partition by i.w order by i.n) as k
        from unnest(p_workspaces) with ordinality as i(w, n)
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
    select c.w, p_ids[c.n], p_ats[c.n], p_actor_types[c.n], p_actor_ids[c.n], p_actor_labels[c.n], p_actions[c.n],
           p_target_types[c.n], p_target_ids[c.n], cast(p_details[c.n] as jsonb), p_ips[c.n], p_user_agents[c.n],
           c.prev_hash, c.hash
    from chain c
    order by c.w, c.k;
end
$$;
revoke all on function herald_audit_append_many(uuid[], uuid[], timestamptz[], text[], text[], text[], text[], text[],
    text[], text[], text[], text[], bytea[]) from public;
grant execute on function herald_audit_append_many(uuid[], uuid[], timestamptz[], text[], text[], text[], text[],
    text[], text[], text[], text[], text[], bytea[]) to ${app_role};
