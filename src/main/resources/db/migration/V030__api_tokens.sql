-- API tokens of machine clients (a municipality's CMS, a specialist system): only the SHA-256 of the token is
-- stored; the token itself is shown once when it is created.
create table api_token (
    id          uuid primary key,
    user_id     uuid not null references user_account (id) on delete cascade,
    name        varchar(100) not null,
    token_hash  varchar(64) not null,
    hint        varchar(12) not null,
    expires_at  timestamp with time zone not null,
    revoked_at  timestamp with time zone,
    version     bigint not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    constraint uk_api_token_hash unique (token_hash)
);

create index ix_api_token_user on api_token (user_id);
