-- Reporting: interval aggregates kept incrementally from telephony's call-event feed (never a second truth: a test
-- rebuilds them from the raw events and compares). One row per municipality, queue, agent and Berlin quarter hour;
-- a dimension that does not apply is the nil UUID. Agent state time is stored under the nil municipality.
create table reporting_interval (
    tenant_id        uuid not null,
    interval_start   timestamp(3) with time zone not null,
    queue_id         uuid not null,
    agent_id         uuid not null,
    offered          bigint not null,
    answered         bigint not null,
    abandoned        bigint not null,
    transferred      bigint not null,
    rejected_closed  bigint not null,
    removed          bigint not null,
    handled          bigint not null,
    answer_wait_ms   bigint not null,
    abandon_wait_ms  bigint not null,
    max_wait_ms      bigint not null,
    talk_ms          bigint not null,
    wrap_up_ms       bigint not null,
    available_ms     bigint not null,
    ringing_ms       bigint not null,
    talking_ms       bigint not null,
    wrap_up_state_ms bigint not null,
    paused_ms        bigint not null,
    constraint pk_reporting_interval primary key (tenant_id, interval_start, queue_id, agent_id)
);

-- Wait-time histogram per interval key: calls per whole second of wait rounded up; kind A = answered, B = abandoned.
create table reporting_wait (
    tenant_id      uuid not null,
    interval_start timestamp(3) with time zone not null,
    queue_id       uuid not null,
    agent_id       uuid not null,
    kind           char(1) not null,
    wait_seconds   integer not null,
    calls          bigint not null,
    constraint pk_reporting_wait primary key (tenant_id, interval_start, kind, wait_seconds, queue_id, agent_id)
);

-- The fold's open state: calls offered but not finished, and each agent's current state (stored with the position,
-- in the same transaction, so a restart continues exactly where it stopped).
create table reporting_open_call (
    call_id     varchar(255) primary key,
    tenant_id   uuid,
    queue_id    uuid,
    offered_at  timestamp(3) with time zone not null,
    agent_id    uuid,
    answered_at timestamp(3) with time zone
);

create table reporting_agent_clock (
    agent_id          uuid primary key,
    state             varchar(16),
    since             timestamp(3) with time zone,
    last_tenant_id    uuid,
    last_queue_id     uuid,
    last_agent_id     uuid,
    last_interval     timestamp(3) with time zone
);

create table reporting_feed_position (
    consumer      varchar(40) primary key,
    last_sequence bigint not null
);
insert into reporting_feed_position (consumer, last_sequence) values ('kpi', 0);
-- locked by each ContactDocumented listener for its transaction, so two documentations of one contact never race
insert into reporting_feed_position (consumer, last_sequence) values ('contacts', 0);

-- Documented contacts (the contact module's ContactDocumented events): the last documentation of a contact counts.
create table reporting_contact_outcome (
    contact_id    uuid primary key,
    tenant_id     uuid not null,
    channel       varchar(16) not null,
    agent_id      uuid,
    outcome       varchar(32) not null,
    started_at    timestamp(3) with time zone not null,
    -- the Berlin quarter hour of started_at, so per-interval rates group without reading every contact
    interval_start timestamp(3) with time zone not null,
    documented_at timestamp(3) with time zone not null
);
create index ix_reporting_contact_outcome_tenant on reporting_contact_outcome (tenant_id, interval_start);
