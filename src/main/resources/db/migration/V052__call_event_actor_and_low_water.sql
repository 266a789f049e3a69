-- Who made a change for somebody else (a supervisor forcing an agent out); null for changes that follow from calls,
-- phones or the agent's own request.
alter table call_event add column actor varchar(100);

-- The restart point: every call and agent state open at the time has its first event at or after low_water, so a
-- start reads only call_event rows from there on to close what the previous run left open. One row, advanced while
-- the switchboard runs.
create table telephony_event_checkpoint (
    id           integer primary key,
    low_water    bigint not null,
    recorded_at  timestamp(3) with time zone not null
);
