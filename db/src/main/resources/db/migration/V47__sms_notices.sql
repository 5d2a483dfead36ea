-- Residents' SMS notices: each office's settings and templates, the notice's life in sms_outbox, every attempt
-- made at a gateway and every delivery report that came back.

-- An office's notice settings. An office without a row uses the defaults below (Java repeats them).
--   time_zone: WIB (Asia/Jakarta), WITA (Asia/Makassar) or WIT (Asia/Jayapura);
--   window_start/end: notices leave only between these local times;
--   collectable_when: PRINTED, or QUALITY_CHECKED where the print room checks each card before release;
--   reminder_after_days: an uncollected card's resident is reminded once after this many days.
create table notice_settings (
    office_id           bigint      not null constraint pk_notice_settings primary key
                        constraint fk_notice_settings_office references office (id),
    time_zone           varchar     not null default 'Asia/Jakarta'
                        constraint ck_notice_settings_zone check (time_zone in ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura')),
    opening_hours       varchar(40) not null default 'Senin-Jumat 08.00-15.00',
    window_start        time        not null default '08:00',
    window_end          time        not null default '20:00',
    collectable_when    varchar     not null default 'PRINTED'
                        constraint ck_notice_settings_when check (collectable_when in ('PRINTED', 'QUALITY_CHECKED')),
    reminder_after_days integer     not null default 14
                        constraint ck_notice_settings_reminder check (reminder_after_days between 1 and 365),
    updated_by          varchar     not null,
    updated_at          timestamptz not null
);

-- An office's own wording of a notice; an office without one uses the built-in wording.
create table sms_template (
    office_id  bigint      not null constraint fk_sms_template_office references office (id),
    kind       varchar     not null constraint ck_sms_template_kind check (kind in ('READY', 'READY_AGAIN', 'REMINDER')),
    body       varchar     not null,
    updated_by varchar     not null,
    updated_at timestamptz not null,
    constraint pk_sms_template primary key (office_id, kind)
);

-- A notice: READY (the card can be collected), READY_AGAIN (a reprint after the first notice went out),
-- REMINDER (not collected after reminder_after_days). Its status:
--   PENDING -> SENDING (an attempt is out; recorded before the gateway is called) -> SENT -> DELIVERED | UNDELIVERED
--   SENDING -> PENDING (refused, retried after a backoff) | FAILED (refused too often, or for good)
--   PENDING -> SUPERSEDED (a reprint's notice replaces one not sent yet)
--   NO_PHONE: the resident gave no valid phone; nothing is sent, the row keeps it visible
alter table sms_outbox drop constraint ck_sms_outbox_status;
alter table sms_outbox drop constraint uq_sms_outbox_job;
alter table sms_outbox add constraint ck_sms_outbox_status check (status in
    ('PENDING', 'SENDING', 'SENT', 'DELIVERED', 'UNDELIVERED', 'FAILED', 'SUPERSEDED', 'NO_PHONE'));
alter table sms_outbox add column kind varchar not null default 'READY'
    constraint ck_sms_outbox_kind check (kind in ('READY', 'READY_AGAIN', 'REMINDER'));
alter table sms_outbox add constraint uq_sms_outbox_job_kind unique (print_job_id, kind);
alter table sms_outbox add column next_attempt_at timestamptz;
alter table sms_outbox add column attempt_started_at timestamptz;
alter table sms_outbox add column in_doubt boolean not null default false;
alter table sms_outbox add column gateway varchar;
alter table sms_outbox add column gateway_message_id varchar;
alter table sms_outbox add column last_error varchar;
alter table sms_outbox add column report varchar;
alter table sms_outbox add column report_at timestamptz;
alter table sms_outbox add column superseded_by bigint;
create index ix_sms_outbox_request on sms_outbox (request_id);
create index ix_sms_outbox_gateway_id on sms_outbox (gateway, gateway_message_id);

-- Every attempt at a gateway, written (and committed) before the gateway is called; its outcome after.
create table sms_attempt (
    id                 bigint generated always as identity constraint pk_sms_attempt primary key,
    outbox_id          bigint      not null constraint fk_sms_attempt_outbox references sms_outbox (id),
    number             integer     not null,
    gateway            varchar     not null,
    node               varchar     not null,
    started_at         timestamptz not null,
    finished_at        timestamptz,
    outcome            varchar     constraint ck_sms_attempt_outcome check (outcome in
                         ('ACCEPTED', 'QUEUED', 'REFUSED', 'UNCLEAR', 'SETTLED_BY_REPORT', 'ABANDONED')),
    gateway_message_id varchar,
    detail             varchar     not null default '',
    constraint uq_sms_attempt_number unique (outbox_id, number)
);

-- Every delivery report a gateway sent back, matched to its notice or not.
create table sms_report (
    id                 bigint generated always as identity constraint pk_sms_report primary key,
    outbox_id          bigint      constraint fk_sms_report_outbox references sms_outbox (id),
    gateway            varchar     not null,
    gateway_message_id varchar,
    state              varchar     not null,
    detail             varchar     not null default '',
    received_at        timestamptz not null
);
create index ix_sms_report_outbox on sms_report (outbox_id);
