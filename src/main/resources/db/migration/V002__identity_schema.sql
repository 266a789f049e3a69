-- Users, their roles and tenant/department assignments, and the audit log.

create table user_account (
    id             uuid primary key,
    username       varchar(100) not null,
    display_name   varchar(200) not null,
    email          varchar(320),
    password_hash  varchar(200) not null,
    password_changed_at timestamp with time zone not null,
    enabled        boolean not null,
    version        bigint not null,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    constraint uk_user_account_username unique (username)
);

create table user_role (
    user_id  uuid not null references user_account (id) on delete cascade,
    role     varchar(20) not null,
    primary key (user_id, role)
);

-- tenant and department ids belong to the tenancy module: no foreign key across module boundaries;
-- the identity module drops them when it hears that a tenant was deleted.
create table user_tenant (
    user_id    uuid not null references user_account (id) on delete cascade,
    tenant_id  uuid not null,
    primary key (user_id, tenant_id)
);

create table user_department (
    user_id        uuid not null references user_account (id) on delete cascade,
    department_id  uuid not null,
    primary key (user_id, department_id)
);

create table audit_entry (
    id           uuid primary key,
    occurred_at  timestamp with time zone not null,
    actor        varchar(100) not null,
    entity_type  varchar(60) not null,
    entity_id    uuid not null,
    tenant_id    uuid,
    action       varchar(10) not null,
    changes      text not null
);

create index ix_audit_entity on audit_entry (entity_type, entity_id);
create index ix_audit_time on audit_entry (occurred_at);
