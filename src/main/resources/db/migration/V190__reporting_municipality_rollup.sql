-- Reporting rollups per municipality (issue 14's scale targets): the interval aggregates of V120 are keyed per queue
-- and agent, so a month's report of one municipality read almost one row per call. These hold the same counters
-- summed over queues and agents, per Berlin quarter hour and per Berlin day, kept by the KpiAggregator in the
-- same transaction as the finer rows and its feed position (so never a second truth: a test rebuilds everything
-- from the raw events and compares). The nil municipality holds the agents' state time, as in reporting_interval.
create table reporting_tenant_quarter (
    tenant_id        uuid not null,
    interval_start   timestamp(3) with time zone not null,
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
    constraint pk_reporting_tenant_quarter primary key (tenant_id, interval_start)
);

-- day_start is the instant of Berlin midnight (a day with a DST change has 23 or 25 hours of quarters).
create table reporting_tenant_day (
    tenant_id        uuid not null,
    day_start        timestamp(3) with time zone not null,
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
    constraint pk_reporting_tenant_day primary key (tenant_id, day_start)
);

-- Wait-time histogram per municipality and day (kind A = answered, B = abandoned; whole seconds rounded up).
create table reporting_tenant_day_wait (
    tenant_id    uuid not null,
    day_start    timestamp(3) with time zone not null,
    kind         char(1) not null,
    wait_seconds integer not null,
    calls        bigint not null,
    constraint pk_reporting_tenant_day_wait primary key (tenant_id, day_start, kind, wait_seconds)
);

-- The rollups start empty: the aggregates are folded again from the raw call events (the aggregator's rebuild),
-- so the old and the new tables agree from the first event on.
delete from reporting_interval;
delete from reporting_wait;
delete from reporting_open_call;
delete from reporting_agent_clock;
update reporting_feed_position set last_sequence = 0 where consumer = 'kpi';
