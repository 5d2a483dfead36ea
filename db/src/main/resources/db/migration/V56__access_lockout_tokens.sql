-- Access: the offices an administrator assigns a user beyond their own (a provincial account sees
-- several), lockout after repeated wrong passwords, and API tokens for machine clients.

alter table app_user
    add column failed_logins integer     not null default 0 constraint ck_app_user_failed_logins check (failed_logins >= 0),
    add column locked_at     timestamptz;

create table user_office (
    user_id   bigint not null constraint fk_user_office_user references app_user (id),
    office_id bigint not null constraint fk_user_office_office references office (id),
    constraint pk_user_office primary key (user_id, office_id)
);

-- A token for a machine client: one role in one office. Only the SHA-256 of the token is kept (a
-- token is 256 random bits, so a fast hash is as safe as a slow one and costs microseconds a call).
create table api_token (
    id          bigint generated always as identity constraint pk_api_token primary key,
    name        varchar     not null,
    token_hash  varchar     not null constraint uq_api_token_hash unique,
    office_id   bigint      not null constraint fk_api_token_office references office (id),
    role        varchar     not null constraint ck_api_token_role check (role in
                  ('COUNTER_OFFICER', 'OPERATOR', 'INVENTORY_MANAGER', 'SUPERVISOR', 'AUDITOR', 'ADMIN')),
    created_by  varchar     not null,
    created_at  timestamptz not null,
    revoked_by  varchar,
    revoked_at  timestamptz
);

-- The audit page filters by office, actor and action and pages by time.
create index ix_audit_event_office_occurred on audit_event (office_id, occurred_at);
create index ix_audit_event_actor on audit_event (actor);
