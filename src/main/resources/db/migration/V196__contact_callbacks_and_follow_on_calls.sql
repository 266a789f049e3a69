-- "Rückruf durch das ServiceCenter": callbacks the back office sent back (one per ticket), on the agents' lists until
-- an agent takes one; taking it opens a phone contact (contact_id). Ids of tickets point into backoffice by value.
create table contact_callback (
    id                uuid primary key,
    tenant_id         uuid not null,
    ticket_id         uuid not null,
    first_contact_id  uuid,
    citizen_name      varchar(200),
    phone             varchar(64) not null,
    note              varchar(2000),
    requested_at      timestamp(3) with time zone not null,
    taken_by          varchar(100),
    taken_at          timestamp(3) with time zone,
    contact_id        uuid,
    constraint uk_contact_callback_ticket unique (ticket_id)
);

create index ix_contact_callback_tenant on contact_callback (tenant_id, taken_at);

-- The contact this one follows: the first call of a transfer (REFER) whose follow-on call this is, or the contact
-- a callback of the ServiceCenter came from.
alter table contact add column previous_contact_id uuid;
create index ix_contact_previous on contact (previous_contact_id);
