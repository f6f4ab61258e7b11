-- Bucket4j's token buckets for the API rate limit, one per workspace and plan limit, so the limit holds across
-- nodes. Bucket4j reads and writes this table on its own connections, outside any tenant transaction, so it carries
-- no workspace_id and no row-level security: a row is a counter keyed by an opaque id, never tenant data.
create table rate_limit_buckets (
    id         text   primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_buckets_expiry on rate_limit_buckets (expires_at);
