-- Telefonie: one queue per municipality with its rules, agents with SIP credentials and skills, and the
-- append-only call-event log that reporting reads. One migration set for H2 (PostgreSQL mode) and PostgreSQL.
-- tenant_id columns point at tenancy's tenants by value only: modules do not share foreign keys; telephony
-- removes its rows when it hears of a deleted tenant.

create table telephony_queue (
    id                      uuid primary key,
    tenant_id               uuid not null,
    name                    varchar(200) not null,
    ring_timeout_seconds    integer not null,
    wrap_up_seconds         integer not null,
    overflow_tenant_id      uuid,
    overflow_after_seconds  integer,
    -- outside opening hours: REJECT (480 with a German reason) or REDIRECT (302 to redirect_target)
    closed_action           varchar(10) not null,
    redirect_target         varchar(200),
    created_at              timestamp with time zone not null,
    updated_at              timestamp with time zone not null,
    constraint uk_telephony_queue_tenant unique (tenant_id),
    constraint ck_telephony_queue_closed check (closed_action in ('REJECT', 'REDIRECT')),
    constraint ck_telephony_queue_redirect check (closed_action = 'REJECT' or redirect_target is not null)
);

create table telephony_agent (
    id            uuid primary key,
    -- the product user this agent is (agent desktop, own state); null for phone-only agents
    user_id       uuid,
    sip_user      varchar(64) not null,
    display_name  varchar(200) not null,
    -- RFC 2617 HA1 = MD5(sip_user:realm:password); the password itself is never stored
    ha1           varchar(32) not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    constraint uk_telephony_agent_sip_user unique (sip_user),
    constraint uk_telephony_agent_user unique (user_id)
);

create table telephony_agent_skill (
    agent_id   uuid not null references telephony_agent (id) on delete cascade,
    tenant_id  uuid not null,
    -- '' = the municipality in general
    topic      varchar(100) not null,
    level      integer not null,
    primary key (agent_id, tenant_id, topic),
    constraint ck_telephony_agent_skill_level check (level between 1 and 5)
);

create index ix_telephony_agent_skill_tenant on telephony_agent_skill (tenant_id);

create table call_event (
    id           uuid primary key,
    -- assigned by the switchboard in the order the state changed; continues across restarts
    sequence     bigint not null,
    call_id      varchar(255),
    tenant_id    uuid,
    queue_id     uuid,
    agent_id     uuid,
    type         varchar(30) not null,
    agent_state  varchar(16),
    detail       varchar(300),
    occurred_at  timestamp(3) with time zone not null,
    constraint uk_call_event_sequence unique (sequence)
);

create index ix_call_event_tenant_time on call_event (tenant_id, occurred_at);
create index ix_call_event_call on call_event (call_id);
