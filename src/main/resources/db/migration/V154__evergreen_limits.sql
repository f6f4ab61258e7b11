-- How long one evergreen post is shared again, as SocialBee's "expire after N shares" and "expire on a date": at most
-- max_shares copies, and none in a slot after share_until (the last day, in the workspace's zone). Either or both may
-- be absent: no limit. A post that reached its limit stays in the library, shown as done, and is not queued again
-- until an editor raises or clears the limit. See herald.publishing.Evergreen and docs/evergreen.md.
alter table post_evergreen add column max_shares integer check (max_shares between 1 and 1000);
alter table post_evergreen add column share_until date;
