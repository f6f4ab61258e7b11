-- An account's own first comment, in place of the post's (as post_targets.body is an account's own text): X's reply
-- kept within 280, LinkedIn's comment with the link, Instagram's with the hashtags.
alter table post_targets add column comment_text text check (length(comment_text) between 1 and 10000);
