-- Monthly content calendars (docs/content/calendars.md): a run, its planned slots (one per post, with the caption once
-- written, so a run taken over by another node resumes instead of paying for its captions twice) and its log.
--
-- At most one run per workspace is queued or running (the partial unique index): a second one is refused with 409.
-- heartbeat_at is touched after every post; the sweep requeues a run whose node went quiet, and a run that has been
-- started too many times is failed, so none stays "running" forever.

create table calendar_runs (
    workspace_id       uuid        not null references workspaces (id) on delete cascade,
    id                 uuid        not null,
    month              text        not null check (month ~ '^[0-9]{4}-[0-9]{2}$'),
    posts              integer     not null check (posts between 5 and 31),
    ai_for_all         boolean     not null,
    persona_id         uuid,
    connection_ids     uuid[]      not null default '{}',
    status             text        not null check (status in ('queued', 'running', 'succeeded', 'failed',
                                                              'cancelled')),
    done               integer     not null default 0,
    total              integer     not null,
    error              text,
    prompt_tokens      bigint      not null default 0,
    completion_tokens  bigint      not null default 0,
    cost_micros        bigint      not null default 0,
    attempts           integer     not null default 0,
    post_ids           uuid[]      not null default '{}',
    created_by_origin  text        not null,
    created_by_type    text        not null,
    created_by_id      text,
    created_by_label   text,
    created_at         timestamptz not null default now(),
    started_at         timestamptz,
    finished_at        timestamptz,
    heartbeat_at       timestamptz not null default now(),
    primary key (workspace_id, id)
);
create index calendar_runs_recent on calendar_runs (workspace_id, created_at desc, id desc);
create unique index calendar_runs_one_active on calendar_runs (workspace_id) where status in ('queued', 'running');

create table calendar_slots (
    workspace_id     uuid        not null references workspaces (id) on delete cascade,
    run_id           uuid        not null,
    position         integer     not null,
    post_type        text        not null check (post_type in ('promotional', 'product_showcase', 'weekend_driver',
                                                               'engagement_poll', 'customer_appreciation')),
    local_at         timestamp   not null,
    scheduled_at     timestamptz not null,
    item_name        text,
    item_description text,
    asset_id         uuid,
    caption          text,
    mode             text check (mode in ('ai', 'template')),
    primary key (workspace_id, run_id, position),
    foreign key (workspace_id, run_id) references calendar_runs (workspace_id, id) on delete cascade
);

create table calendar_log (
    workspace_id uuid        not null references workspaces (id) on delete cascade,
    run_id       uuid        not null,
    seq          bigint      generated always as identity,
    at           timestamptz not null default now(),
    level        text        not null check (level in ('info', 'warn', 'error')),
    message      text        not null,
    post_id      uuid,
    done         integer     not null default 0,
    primary key (workspace_id, run_id, seq),
    foreign key (workspace_id, run_id) references calendar_runs (workspace_id, id) on delete cascade
);

do $$
declare t text;
begin
    foreach t in array array['calendar_runs', 'calendar_slots', 'calendar_log'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (workspace_id = herald_current_workspace())'
                       ' with check (workspace_id = herald_current_workspace())', t);
    end loop;
end $$;

-- The safety net of the calendar jobs, across workspaces: runs queued or running whose heartbeat is older than
-- quiet_before (their job was lost, or its node died). Ids only; the work runs in the tenant's scope.
create function herald_calendar_runs_stale(quiet_before timestamptz, max_rows integer)
    returns table (workspace_id uuid, run_id uuid)
    language sql stable security definer set search_path = public, pg_temp as $$
    select r.workspace_id, r.id from calendar_runs r
     where r.status in ('queued', 'running') and r.heartbeat_at < quiet_before
     order by r.heartbeat_at limit max_rows
$$;
revoke all on function herald_calendar_runs_stale(timestamptz, integer) from public;
grant execute on function herald_calendar_runs_stale(timestamptz, integer) to ${app_role};
