-- Spring Modulith's event publication registry (schema v2): an event published in a transaction is stored with it
-- for every transactional listener and marked completed when that listener succeeded; incomplete ones are
-- resubmitted after a restart. Written only by Spring Modulith.
create table event_publication (
    id                     uuid not null primary key,
    listener_id            varchar(512) not null,
    event_type             varchar(512) not null,
    serialized_event       varchar(100000) not null,
    publication_date       timestamp(6) with time zone not null,
    completion_date        timestamp(6) with time zone,
    status                 varchar(32),
    completion_attempts    integer,
    last_resubmission_date timestamp(6) with time zone
);
create index ix_event_publication_completion on event_publication (completion_date);
