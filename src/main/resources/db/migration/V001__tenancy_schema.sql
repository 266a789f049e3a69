-- Mandanten: operator, municipalities, departments, cooperation agreements.
-- One migration set for H2 (embedded default) and PostgreSQL: plain SQL types only.

create table service_center (
    id          uuid primary key,
    name        varchar(200) not null,
    email       varchar(320),
    phone       varchar(16),
    version     bigint not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null
);

create table tenant (
    id             uuid primary key,
    slug           varchar(60) not null,
    name           varchar(200) not null,
    type           varchar(30) not null,
    ags            varchar(8) not null,
    federal_state  varchar(2) not null,
    greeting       varchar(500) not null,
    website_url    varchar(500),
    version        bigint not null,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    constraint uk_tenant_slug unique (slug)
);

create table tenant_phone_number (
    tenant_id  uuid not null references tenant (id) on delete cascade,
    position   integer not null,
    number     varchar(16) not null,
    primary key (tenant_id, position),
    -- a published number reaches exactly one municipality: the switchboard routes by it
    constraint uk_tenant_phone_number unique (number)
);

create table tenant_opening_hours (
    tenant_id    uuid not null references tenant (id) on delete cascade,
    position     integer not null,
    day_of_week  varchar(9) not null,
    opens        time not null,
    closes       time not null,
    primary key (tenant_id, position)
);

create table tenant_opening_exception (
    tenant_id  uuid not null references tenant (id) on delete cascade,
    position   integer not null,
    on_date    date not null,
    opens      time,
    closes     time,
    note       varchar(200),
    primary key (tenant_id, position)
);

create table department (
    id               uuid primary key,
    tenant_id        uuid not null references tenant (id),
    name             varchar(200) not null,
    email            varchar(320),
    phone_extension  varchar(8),
    version          bigint not null,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    constraint uk_department_name unique (tenant_id, name)
);

create table department_topic (
    department_id  uuid not null references department (id) on delete cascade,
    position       integer not null,
    topic          varchar(200) not null,
    primary key (department_id, position)
);

create table cooperation_agreement (
    id                                       uuid primary key,
    service_center_id                        uuid not null references service_center (id),
    client_tenant_id                         uuid not null references tenant (id),
    start_date                               date not null,
    trial_phase_end                          date,
    end_date                                 date,
    service_level_percent                    numeric(5, 2) not null,
    service_level_seconds                    integer not null,
    target_average_wait_seconds              integer not null,
    target_first_contact_resolution_percent  numeric(5, 2) not null,
    price_per_contact                        numeric(10, 2) not null,
    status                                   varchar(10) not null,
    version                                  bigint not null,
    created_at                               timestamp with time zone not null,
    updated_at                               timestamp with time zone not null,
    constraint ck_agreement_trial check (trial_phase_end is null or trial_phase_end >= start_date),
    constraint ck_agreement_end check (end_date is null or end_date >= start_date),
    constraint ck_agreement_price check (price_per_contact >= 0)
);

create index ix_agreement_client on cooperation_agreement (client_tenant_id);

create table agreement_channel (
    agreement_id  uuid not null references cooperation_agreement (id) on delete cascade,
    channel       varchar(20) not null,
    primary key (agreement_id, channel)
);
