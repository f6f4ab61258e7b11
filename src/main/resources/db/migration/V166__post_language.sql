-- A post's own language (a BCP 47 tag), when it is not written in the workspace's language of posts.
alter table posts add column language text check (language is null or length(language) <= 35);
