-- Why the last fill could not share an evergreen post (an account disconnected since, the day's posts used up), in
-- words a person can act on; cleared by the next share. See herald.publishing.Evergreen.
alter table post_evergreen add column last_problem text check (length(last_problem) <= 1000);
alter table post_evergreen add column last_problem_at timestamptz;
