-- Call events the database refused (a value it cannot hold, a constraint): kept here with their whole content
-- instead of blocking the log or being dropped; CallEventLog counts them (telephony.call_events.dead_lettered).
create table call_event_dead_letter (
    id         uuid primary key,
    sequence   bigint not null,
    call_id    varchar(255),
    type       varchar(30),
    -- the event as the switchboard made it (CallEvent's text form, nothing cut off)
    content    text not null,
    error      varchar(2000),
    failed_at  timestamp(3) with time zone not null
);

create index ix_call_event_dead_letter_call on call_event_dead_letter (call_id);
