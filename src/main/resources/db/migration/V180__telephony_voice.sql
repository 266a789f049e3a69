-- Issue 19, the switchboard speaks: per municipality whether callers hear announcements (greeting, notice,
-- position, hold music, out-of-hours hours), the notice text and how often the position is announced; and the
-- prompts admins uploaded, stored converted (8 kHz, 16-bit linear, mono, little-endian; G.711 is encoded per call
-- in the codec the caller chose). A municipality without a row uses the defaults of buergerservice.telephony.media.
create table telephony_voice (
    tenant_id               uuid primary key,
    announcements           boolean not null,
    notice                  varchar(500),
    announce_every_seconds  integer not null,
    updated_at              timestamp(3) with time zone not null
);

create table telephony_prompt (
    tenant_id      uuid not null,
    -- GREETING, NOTICE, HOLD_MUSIC, CLOSED
    situation      varchar(20) not null,
    audio          bytea not null,
    original_name  varchar(255),
    uploaded_by    varchar(100),
    uploaded_at    timestamp(3) with time zone not null,
    primary key (tenant_id, situation)
);
