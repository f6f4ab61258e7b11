-- Stories, as Buffer, Later and Hootsuite schedule them for Instagram: a target may go out as a story (one image or
-- video, no caption, gone from the profile after 24 hours) instead of a feed post, on a platform that takes stories
-- (Instagram; the Sandbox, which behaves as Instagram here). See docs/stories.md.
alter table post_targets add column format text not null default 'post' check (format in ('post', 'story'));

-- The Sandbox's stories: a post of one medium and no text, shown as a story for 24 hours.
create table sandbox_stories (
    post_id uuid primary key references sandbox_posts (id) on delete cascade
);
