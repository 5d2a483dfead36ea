-- Print station: each printer's mode and owner node, and the print jobs whose every step is persisted
-- before the printer command that performs it.
alter table printer add column mode varchar not null default 'PAUSED';
alter table printer add column mode_reason varchar not null default 'not started yet';
alter table printer add column mode_changed_at timestamptz;
alter table printer add column owner_node varchar;
alter table printer add column lease_until timestamptz;
alter table printer add constraint ck_printer_mode check (mode in ('RUNNING', 'PAUSED', 'COOLING', 'QUARANTINED'));

create table print_job (
    id             bigint generated always as identity constraint pk_print_job primary key,
    office_id      bigint      not null constraint fk_print_job_office references office (id),
    printer_id     bigint      not null constraint fk_print_job_printer references printer (id),
    request_id     bigint      not null constraint fk_print_job_request references print_request (id),
    stage          varchar     not null constraint ck_print_job_stage check (stage in
                     ('PICKING', 'ENCODING', 'PRINTING', 'REJECTING', 'UNKNOWN', 'PRINTED', 'SPOILED', 'NOT_PICKED')),
    resume_stage   varchar     constraint ck_print_job_resume_stage check (resume_stage in
                     ('PICKING', 'ENCODING', 'PRINTING', 'REJECTING')),
    card_held      varchar     not null constraint ck_print_job_card_held check (card_held in
                     ('NONE', 'INSIDE', 'UNKNOWN_FROM_FEEDER', 'UNKNOWN_FROM_INSIDE')),
    base_picked    bigint,
    base_rejects   integer,
    base_hopper    integer,
    base_position  varchar,
    chip_uid       varchar,
    reject_cause   varchar     constraint ck_print_job_reject_cause check (reject_cause in ('PRINT_FAIL', 'ENCODE_FAIL')),
    note           varchar     not null default '',
    reprint        boolean     not null default false,
    version        bigint      not null default 0,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    finished_at    timestamptz
);
create index ix_print_job_request on print_job (request_id);
create index ix_print_job_printer_stage on print_job (printer_id, stage);

-- The history of every job: each persisted step with the movements that explain it.
create table print_job_event (
    id          bigint generated always as identity constraint pk_print_job_event primary key,
    job_id      bigint      not null constraint fk_print_job_event_job references print_job (id),
    stage       varchar     not null,
    event       varchar     not null,
    moves       varchar     not null default '',
    occurred_at timestamptz not null
);
create index ix_print_job_event_job on print_job_event (job_id);

-- [jooq ignore start]
-- One card in flight per printer, and a request printed once unless a supervisor approved a reprint.
create unique index uq_print_job_one_open_per_printer on print_job (printer_id)
    where stage in ('PICKING', 'ENCODING', 'PRINTING', 'REJECTING', 'UNKNOWN');
create unique index uq_print_job_printed_once on print_job (request_id)
    where stage = 'PRINTED' and not reprint;
create trigger print_job_event_append_only
    before update or delete on print_job_event
    for each row execute function refuse_change();
-- [jooq ignore stop]
