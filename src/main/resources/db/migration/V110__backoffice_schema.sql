-- Back office: tickets from hand-offs, their history, and the mail outbox.
-- No foreign keys to other modules' tables (tenant, department, contact): those are referenced by id only.

create table backoffice_ticket (
    id               uuid primary key,
    tenant_id        uuid not null,
    department_id    uuid not null,
    -- one ticket per hand-off: the listener may get the same event again after a crash
    contact_id       uuid not null,
    kind             varchar(20) not null,
    status           varchar(20) not null,
    channel          varchar(20) not null,
    service_id       uuid,
    category         varchar(200),
    concern          varchar(2000),
    note             varchar(4000),
    citizen_name     varchar(200),
    phone            varchar(40),
    email            varchar(320),
    callback_window  varchar(200),
    handed_off_at    timestamp with time zone not null,
    due_at           timestamp with time zone,
    -- the deadline the last escalation was for: escalation runs once per ticket and deadline
    escalated_for    timestamp with time zone,
    assignee         varchar(100),
    result           varchar(4000),
    closed_at        timestamp with time zone,
    version          bigint not null,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    constraint uk_backoffice_ticket_contact unique (contact_id)
);
create index ix_backoffice_ticket_inbox on backoffice_ticket (tenant_id, status, due_at);

create table backoffice_ticket_step (
    id          uuid primary key,
    ticket_id   uuid not null references backoffice_ticket (id) on delete cascade,
    tenant_id   uuid not null,
    at          timestamp with time zone not null,
    actor       varchar(100) not null,
    action      varchar(30) not null,
    detail      varchar(4000)
);
create index ix_backoffice_ticket_step on backoffice_ticket_step (ticket_id, at);

-- Written in the transaction of the change that causes the mail; the sender claims a row (status SENDING, an
-- attempt counted, a lease) in its own transaction before it talks to the SMTP server, so two senders never
-- send the same row and a sender that died mid-send leaves a row that is retried with the same Message-ID.
create table backoffice_outbox (
    id               uuid primary key,
    tenant_id        uuid not null,
    ticket_id        uuid,
    purpose          varchar(30) not null,
    message_id       varchar(200) not null,
    sender           varchar(320) not null,
    recipient        varchar(320) not null,
    subject          varchar(500) not null,
    body             varchar(20000) not null,
    status           varchar(20) not null,
    attempts         integer not null,
    next_attempt_at  timestamp with time zone not null,
    claimed_until    timestamp with time zone,
    last_attempt_at  timestamp with time zone,
    last_error       varchar(2000),
    sent_at          timestamp with time zone,
    created_at       timestamp with time zone not null,
    constraint uk_backoffice_outbox_message_id unique (message_id)
);
create index ix_backoffice_outbox_due on backoffice_outbox (status, next_attempt_at);
create index ix_backoffice_outbox_tenant on backoffice_outbox (tenant_id, created_at);
