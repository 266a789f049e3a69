-- Under the four-eyes rule a change to a published article is a working copy: the content citizens see stays
-- here until another person publishes the change (null when the article has no such copy).
alter table knowledge_service add column published_content text;
