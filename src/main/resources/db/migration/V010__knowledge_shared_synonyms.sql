-- Synonyms kept once for the whole ServiceCenter: a synonym without tenant applies to every municipality, which
-- adds its own (a municipality's own entry wins over a ServiceCenter-wide one with the same term). One entry per
-- term in the ServiceCenter-wide list is checked by the application: a unique constraint treats nulls as distinct.
alter table knowledge_synonym alter column tenant_id drop not null;

create index ix_knowledge_synonym_shared on knowledge_synonym (term_key);
