-- The generation log keeps prompts and answers, which carry a workspace's content, so it is kept for
-- herald.content.ai.log-retention (90 days by default) and no longer. The purge runs across workspaces, under
-- row-level security, through this function, at most p_limit rows a call so that no transaction grows with the log.
create index ai_generations_created on ai_generations (created_at);

create function herald_purge_ai_generations(p_before timestamptz, p_limit integer) returns integer
    language sql volatile security definer set search_path = public, pg_temp
    as $$ with purged as (
              delete from ai_generations
              where (workspace_id, id) in (select workspace_id, id from ai_generations
                                           where created_at < p_before order by created_at limit p_limit)
              returning 1)
          select count(*)::integer from purged $$;
revoke all on function herald_purge_ai_generations(timestamptz, integer) from public;
grant execute on function herald_purge_ai_generations(timestamptz, integer) to ${app_role};
