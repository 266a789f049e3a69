-- Kontakt: one row per contact with a citizen on any channel. A phone contact is created from telephony's call
-- events when the call is answered (at most one per Call-ID: uk_contact_call) and documented by the agent with
-- concern and outcome; first-contact resolution is counted from the documented ones. tenant_id and the ids of
-- users, agents, services and departments point into other modules by value only.

create table contact (
    id                uuid primary key,
    tenant_id         uuid not null,
    channel           varchar(10) not null,
    -- phone only: the SIP Call-ID and the caller's number as received (null when withheld)
    call_id           varchar(255),
    caller_number     varchar(64),
    started_at        timestamp(3) with time zone not null,
    answered_at       timestamp(3) with time zone,
    ended_at          timestamp(3) with time zone,
    wait_ms           bigint,
    -- the product user who took or recorded the contact; phone_agent_id is telephony's agent of the call
    agent_id          uuid,
    phone_agent_id    uuid,
    -- where the agent transferred the call (SIP Refer-To), when it was
    transferred_to    varchar(300),
    -- the wrap-up ran out before the contact was documented: it is on the lists of undocumented contacts
    wrap_up_ended_at  timestamp(3) with time zone,
    -- the concern: a service of the knowledge base or a free category; concern keeps the title as documented
    service_id        uuid,
    category          varchar(100),
    concern           varchar(300),
    note              varchar(2000),
    outcome           varchar(20),
    department_id     uuid,
    handoff_kind      varchar(20),
    citizen_name      varchar(200),
    citizen_phone     varchar(64),
    citizen_email     varchar(320),
    callback_window   varchar(200),
    state             varchar(12) not null,
    documented_at     timestamp(3) with time zone,
    documented_by     varchar(100),
    version           bigint not null,
    created_at        timestamp(3) with time zone not null,
    updated_at        timestamp(3) with time zone not null,
    constraint uk_contact_call unique (call_id),
    constraint ck_contact_channel check (channel in ('PHONE', 'EMAIL', 'WEB', 'WALK_IN', 'LETTER')),
    constraint ck_contact_state check (state in ('OPEN', 'DOCUMENTED')),
    constraint ck_contact_outcome check (outcome is null
        or outcome in ('RESOLVED', 'TRANSFERRED', 'HANDED_OFF', 'WRONG_MUNICIPALITY', 'NO_CONCERN')),
    constraint ck_contact_documented check (state = 'OPEN' or outcome is not null)
);

create index ix_contact_tenant_started on contact (tenant_id, started_at);
create index ix_contact_caller on contact (caller_number, started_at);
create index ix_contact_agent_state on contact (agent_id, state);
create index ix_contact_phone_agent on contact (phone_agent_id, state);

-- How far the contact module has read telephony's call-event feed; updated in the transaction that stores the
-- contacts made from those events, so each event is processed exactly once, also across restarts.
create table contact_feed_position (
    consumer       varchar(50) primary key,
    last_sequence  bigint not null
);

insert into contact_feed_position (consumer, last_sequence) values ('call-events', 0);

-- Free concern categories for contacts that are no service of the knowledge base, per ServiceCenter;
-- service_center_id null = the default list for ServiceCenters without their own.
create table contact_category (
    id                 uuid primary key,
    service_center_id  uuid,
    name               varchar(100) not null,
    position           integer not null,
    constraint uk_contact_category unique (service_center_id, name)
);

insert into contact_category (id, service_center_id, name, position) values
    ('7f1c2a10-0000-4000-8000-000000000001', null, 'Allgemeine Auskunft', 1),
    ('7f1c2a10-0000-4000-8000-000000000002', null, 'Öffnungszeiten und Erreichbarkeit', 2),
    ('7f1c2a10-0000-4000-8000-000000000003', null, 'Terminvereinbarung', 3),
    ('7f1c2a10-0000-4000-8000-000000000004', null, 'Sachstandsanfrage', 4),
    ('7f1c2a10-0000-4000-8000-000000000005', null, 'Beschwerde', 5),
    ('7f1c2a10-0000-4000-8000-000000000006', null, 'Anliegen einer anderen Behörde', 6),
    ('7f1c2a10-0000-4000-8000-000000000007', null, 'Sonstiges', 7);
