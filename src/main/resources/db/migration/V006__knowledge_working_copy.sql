-- Under the four-eyes rule a change to a published article is a working copy: the content citizens see stays
-- here until another person publishes the change (null when the article has no such copy).
alter table knowledge_service add column published_content text;

-- The same for a tenant's override of a published catalogue entry: the fields citizens see stay here until another
-- person approves the change (null when no change waits).
alter table knowledge_override add column published_content text;
