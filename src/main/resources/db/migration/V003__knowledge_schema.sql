-- Wissensmanagement: service descriptions in a shared catalogue, tenant overrides, versions.
-- One migration set for H2 (MODE=PostgreSQL) and PostgreSQL: plain SQL types only.
-- Tenant and department ids belong to the tenancy module: no foreign keys across module boundaries; the
-- knowledge module drops a tenant's rows when it hears that the tenant was deleted.

-- A service description: an entry of the shared catalogue (tenant_id null) or a tenant-only entry.
-- The content fields live in one JSON document (content) so that an override can set any field of it;
-- title and leika_key are copied out for listing and look-ups.
create table knowledge_service (
    id              uuid primary key,
    tenant_id       uuid,
    source          varchar(40),
    external_id     varchar(100),
    state           varchar(12) not null,
    review_date     date,
    title           varchar(300) not null,
    leika_key       varchar(14),
    content         text not null,
    department_id   uuid,
    internal_notes  text,
    revision        integer not null,
    last_editor     varchar(100) not null,
    version         bigint not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint ck_knowledge_service_state check (state in ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'ARCHIVED')),
    constraint ck_knowledge_service_external check ((source is null) = (external_id is null))
);

create index ix_knowledge_service_tenant on knowledge_service (tenant_id);
create index ix_knowledge_service_external on knowledge_service (source, external_id);
create index ix_knowledge_service_review on knowledge_service (review_date);

-- A tenant's layer over a catalogue entry: the fields it sets win (content holds only those), plus the
-- responsible department and local notes for agents.
create table knowledge_override (
    id              uuid primary key,
    tenant_id       uuid not null,
    service_id      uuid not null references knowledge_service (id) on delete cascade,
    content         text not null,
    department_id   uuid,
    internal_notes  text,
    revision        integer not null,
    last_editor     varchar(100) not null,
    version         bigint not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint uk_knowledge_override unique (tenant_id, service_id)
);

-- Every save of an entry or an override: who, when, state, and the full layer as it was (JSON).
create table knowledge_version (
    id          uuid primary key,
    service_id  uuid not null references knowledge_service (id) on delete cascade,
    tenant_id   uuid,
    layer       varchar(10) not null,
    number      integer not null,
    state       varchar(12) not null,
    changed_by  varchar(100) not null,
    changed_at  timestamp with time zone not null,
    note        varchar(300),
    snapshot    text not null,
    constraint ck_knowledge_version_layer check (layer in ('ENTRY', 'OVERRIDE'))
);

create index ix_knowledge_version_service on knowledge_version (service_id, changed_at);
