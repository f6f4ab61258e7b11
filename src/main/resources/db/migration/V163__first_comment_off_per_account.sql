-- An account of a post that gets no first comment although the post has one (the comment's hashtags belong on
-- Instagram, not on LinkedIn): kept on the target so that edits of the post's comment leave it without one. See
-- docs/first-comments.md.
alter table post_targets add column comment_off boolean not null default false;
