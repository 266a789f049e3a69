-- Zugriffsprotokoll: who read, exported or erased personal data (DSGVO Art. 5 (2), accountability). Append-only: the
-- product inserts rows and, after buergerservice.retention.access-log (2 years), deletes the oldest; nothing updates
-- a row, and no endpoint changes or removes one. Changes themselves are in audit_entry.
create table access_log (
    id           uuid primary key,
    occurred_at  timestamp(3) with time zone not null,
    actor        varchar(100) not null,
    entity_type  varchar(60) not null,
    entity_id    uuid,
    tenant_id    uuid,
    access       varchar(10) not null,
    detail       varchar(200),
    constraint ck_access_log_access check (access in ('READ', 'EXPORT', 'ERASE'))
);

create index ix_access_log_time on access_log (occurred_at);
create index ix_access_log_entity on access_log (entity_type, entity_id);
create index ix_access_log_actor on access_log (actor, occurred_at);
