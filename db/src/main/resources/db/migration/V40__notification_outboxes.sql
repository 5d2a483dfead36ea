-- Outboxes written in the same transaction as the printed card: the pickup SMS to the resident and the
-- printed status to the centre. Dispatchers send from here; a row is sent once.
create table sms_outbox (
    id            bigint generated always as identity constraint pk_sms_outbox primary key,
    office_id     bigint      not null constraint fk_sms_outbox_office references office (id),
    request_id    bigint      not null,
    print_job_id  bigint      not null,
    phone         varchar     not null,
    body          varchar     not null,
    status        varchar     not null default 'PENDING'
                  constraint ck_sms_outbox_status check (status in ('PENDING', 'SENT', 'DELIVERED', 'FAILED')),
    attempts      integer     not null default 0,
    created_at    timestamptz not null,
    sent_at       timestamptz,
    constraint uq_sms_outbox_job unique (print_job_id)
);
create index ix_sms_outbox_pending on sms_outbox (status, created_at);

create table status_outbox (
    id            bigint generated always as identity constraint pk_status_outbox primary key,
    office_id     bigint      not null constraint fk_status_outbox_office references office (id),
    request_id    bigint      not null,
    print_job_id  bigint      not null,
    nik           varchar     not null,
    card_uid      varchar     not null,
    printed_at    timestamptz not null,
    status        varchar     not null default 'PENDING'
                  constraint ck_status_outbox_status check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts      integer     not null default 0,
    created_at    timestamptz not null,
    sent_at       timestamptz,
    constraint uq_status_outbox_job unique (print_job_id)
);
create index ix_status_outbox_pending on status_outbox (status, created_at);
