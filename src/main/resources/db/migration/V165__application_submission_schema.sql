-- Online applications: a citizen's submission of a form, its history (status changes and messages both ways) and
-- its attachments. The form is referenced by key and version only (the form's own tables belong to the form
-- part of the module): a submission is read and validated with the version it was made with.
create table application_submission (
    id               uuid primary key,
    tenant_id        uuid not null,
    form_key         varchar(100) not null,
    form_version     integer not null,
    form_title       varchar(300) not null,
    service_id       uuid,
    department_id    uuid,
    -- 10 characters base32 from a SecureRandom: not guessable, unique
    tracking_code    varchar(10) not null,
    email            varchar(320) not null,
    answers          text not null,
    status           varchar(20) not null,
    received_at      timestamp with time zone not null,
    completed_at     timestamp with time zone,
    version          bigint not null,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    constraint uk_application_submission_code unique (tracking_code)
);
create index ix_application_submission_list on application_submission (tenant_id, status, received_at);
create index ix_application_submission_retention on application_submission (completed_at);

-- Every status change and every message, from the back office or from the citizen (an answer to a request for
-- more information); the citizen sees the lines with a message.
create table application_submission_step (
    id             uuid primary key,
    submission_id  uuid not null references application_submission (id) on delete cascade,
    tenant_id      uuid not null,
    at             timestamp with time zone not null,
    actor          varchar(100) not null,
    from_citizen   boolean not null,
    status         varchar(20) not null,
    message        varchar(4000)
);
create index ix_application_submission_step on application_submission_step (submission_id, at);

-- The files themselves lie below the data directory under their id (never the citizen's file name); the name is
-- kept for display and download only.
create table application_attachment (
    id             uuid primary key,
    submission_id  uuid not null references application_submission (id) on delete cascade,
    tenant_id      uuid not null,
    step_id        uuid,
    field_key      varchar(100),
    file_name      varchar(255) not null,
    media_type     varchar(100) not null,
    size_bytes     bigint not null,
    sha256         varchar(64) not null,
    uploaded_at    timestamp with time zone not null
);
create index ix_application_attachment on application_attachment (submission_id);
