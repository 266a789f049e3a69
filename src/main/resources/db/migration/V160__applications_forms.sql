-- Online-Anträge: a municipality's forms (one row per form) and their versions (the whole definition as JSON,
-- never updated once stored except for the published flag). A submission names the version it was made with, so
-- every stored version stays readable. service_id names a knowledge service (no foreign key: another module's table).
create table application_form (
    id                uuid primary key,
    version           bigint,
    tenant_id         uuid not null,
    form_key          varchar(80) not null,
    service_id        uuid,
    title             varchar(300) not null,
    latest_version    integer not null,
    published_version integer,
    created_by        varchar(100) not null,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    constraint uq_application_form_key unique (tenant_id, form_key)
);

create index ix_application_form_service on application_form (tenant_id, service_id);

create table application_form_version (
    id         uuid primary key,
    form_id    uuid not null references application_form (id) on delete cascade,
    tenant_id  uuid not null,
    number     integer not null,
    definition text not null,
    published  boolean not null,
    created_by varchar(100) not null,
    created_at timestamp with time zone not null,
    constraint uq_application_form_version unique (form_id, number)
);

create index ix_application_form_version_tenant on application_form_version (tenant_id);
