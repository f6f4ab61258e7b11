-- The publishing engine's durable notes and the reads its caps and quota need (docs/adr/0008).
--
-- journal: a provider's notes about one target (an Instagram container id, an uploaded media id), kept across attempts
-- and nodes so that a retry continues or checks instead of starting again. Written only by the attempt holding the
-- target's fence.
alter table post_targets add column journal jsonb not null default '{}';

-- The posts/day quota is checked again when a target is claimed: what the workspace published (or has in flight) today.
create index post_targets_published_at on post_targets (workspace_id, published_at) where status = 'published';
create index post_targets_publishing on post_targets (workspace_id) where status = 'publishing';

-- The per-platform cap, across workspaces: calls in flight to one platform (unfinished attempts younger than
-- p_since), but the asking target's own (an attempt left open by a dead node must not hold its successor back). A
-- number only; the claim that asks runs inside its own tenant's scope.
create index publish_attempts_open_targets on publish_attempts (target_id) where finished_at is null;

create function herald_publish_in_flight(p_provider text, p_since timestamptz, p_except uuid) returns integer
    language sql stable security definer set search_path = public, pg_temp as $$
    select count(*)::integer from publish_attempts a
      join post_targets t on t.workspace_id = a.workspace_id and t.id = a.target_id
     where a.finished_at is null and a.started_at > p_since and t.provider = p_provider
       and a.target_id <> p_except
$$;
revoke all on function herald_publish_in_flight(text, timestamptz, uuid) from public;
grant execute on function herald_publish_in_flight(text, timestamptz, uuid) to ${app_role};
