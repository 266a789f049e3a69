-- Registrations of agents' phones (RFC 3261 §10 bindings), kept like Kamailio's usrloc in its database: written on
-- every REGISTER, removed on unregister and expiry, restored at start so the phones are reachable again at once
-- instead of after their next REGISTER (up to an hour later).
create table telephony_registration (
    agent_id       uuid primary key references telephony_agent (id) on delete cascade,
    sip_user       varchar(64) not null,
    -- the phone's Contact URI, where INVITEs go
    contact        varchar(1000) not null,
    -- transport the phone registered over (UDP, TCP)
    transport      varchar(10) not null,
    expires_at     timestamp(3) with time zone not null,
    registered_at  timestamp(3) with time zone not null
);
