-- An answer whose call ended without the platform's answer (a timeout after it may have taken it): its text and when
-- it was sent, kept until Herald knows. Before any other answer to the comment is sent, the platform is asked whether
-- this one is there (SocialProvider.findComment); found, it becomes the comment's reply; provably absent, it is
-- forgotten and the new answer goes out (docs/inbox.md, "An answer Herald could not confirm").
alter table inbox_comments
    add column uncertain_text text,
    add column uncertain_since timestamptz,
    add column uncertain_by text,
    add constraint inbox_comments_uncertain check ((uncertain_text is null) = (uncertain_since is null));
