-- Intake: print requests built from print-ready records (PRR), their status history, their biometric payloads,
-- and the import batches that brought them in.

-- One import of a bundle (file) or of a page pulled from the upstream registry. Only applied imports are kept:
-- a rejected file rolls back with everything it would have written.
create table import_batch (
    id            bigint generated always as identity constraint pk_import_batch primary key,
    office_id     bigint      not null constraint fk_import_batch_office references office (id),
    source        varchar     not null,
    file_digest   varchar     not null,
    actor         varchar     not null,
    started_at    timestamptz not null,
    finished_at   timestamptz not null,
    rows_read     integer     not null,
    created       integer     not null,
    updated       integer     not null,
    withdrawn     integer     not null,
    unchanged     integer     not null,
    ignored       integer     not null
);

-- A resident's request for a card (permohonan cetak) with the record it prints. The record fields are those of
-- IMPORT-FORMAT.md. status is the request's place in its life:
--   QUEUED -> RESERVED (a blank is held for it) -> PRINTING -> PRINTED -> HANDED_OVER
--   PRINTING -> FAILED_REQUEUED (spoiled; back in the queue with its priority and reservation) -> PRINTING
--   PRINTING -> OUTCOME_UNKNOWN (until an operator settles it)
--   QUEUED / RESERVED / FAILED_REQUEUED -> WITHDRAWN (upstream status no longer print-ready, or by an officer)
create table print_request (
    id               bigint generated always as identity constraint pk_print_request primary key,
    office_id        bigint      not null constraint fk_print_request_office references office (id),
    nik              varchar(16) not null constraint ck_print_request_nik check (nik ~ '^[0-9]{16}$'),
    kk               varchar(16) not null constraint ck_print_request_kk check (kk ~ '^[0-9]{16}$'),
    name             varchar(60) not null,
    sex              varchar(1)  not null constraint ck_print_request_sex check (sex in ('L', 'P')),
    birth_place      varchar     not null,
    birth_date       date        not null,
    blood_type       varchar(3),
    address          varchar     not null,
    rt               varchar(3)  not null,
    rw               varchar(3)  not null,
    village          varchar     not null,
    district         varchar     not null,
    regency          varchar     not null,
    province         varchar     not null,
    religion         varchar     not null,
    marital_status   varchar     not null,
    occupation       varchar     not null,
    citizenship      varchar(3)  not null constraint ck_print_request_citizenship check (citizenship in ('WNI', 'WNA')),
    siak_status      varchar     not null,
    siak_status_at   timestamptz not null,
    reason           varchar     not null constraint ck_print_request_reason check (reason in
                       ('FIRST_CARD', 'DATA_CHANGE', 'MOVED_IN', 'REGION_SPLIT', 'LOST', 'DAMAGED', 'OTHER')),
    urgent_reason    varchar,
    vulnerable       boolean     not null default false,
    disabled         boolean     not null default false,
    suket_number     varchar,
    suket_date       date,
    -- normalised +628...; null when absent or invalid (then phone_raw keeps what was given and a flag says so)
    phone            varchar(16),
    phone_raw        varchar,
    -- comma-separated checks for an officer: NIK_DATE_MISMATCH, NIK_SEX_MISMATCH, PHONE_INVALID, PHOTO_MISSING
    flags            varchar     not null default '',
    has_photo        boolean     not null default false,
    content_hash     varchar(64) not null,
    status           varchar     not null constraint ck_print_request_status check (status in
                       ('QUEUED', 'RESERVED', 'PRINTING', 'PRINTED', 'FAILED_REQUEUED', 'OUTCOME_UNKNOWN',
                        'HANDED_OVER', 'WITHDRAWN')),
    status_at        timestamptz not null,
    withdrawn_reason varchar,
    printed_at       timestamptz,
    card_uid         varchar,
    source           varchar     not null,
    import_id        bigint      constraint fk_print_request_import references import_batch (id),
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);
create index ix_print_request_office_nik on print_request (office_id, nik, id);
create index ix_print_request_nik on print_request (nik);

-- Every status change of a request, and every change of its record by a later import.
create table print_request_event (
    id          bigint generated always as identity constraint pk_print_request_event primary key,
    request_id  bigint      not null constraint fk_print_request_event_request references print_request (id),
    from_status varchar,
    to_status   varchar     not null,
    reason      varchar     not null default '',
    actor       varchar     not null,
    import_id   bigint      constraint fk_print_request_event_import references import_batch (id),
    occurred_at timestamptz not null
);
create index ix_print_request_event_request on print_request_event (request_id, id);

-- Biometric payloads, kept apart so they can be deleted once the card is printed or the request withdrawn
-- (UU 27/2022) and fetched again from the upstream registry when a reprint needs them.
create table request_payload (
    request_id   bigint      not null constraint pk_request_payload primary key
                             constraint fk_request_payload_request references print_request (id),
    photo        bytea,
    signature    bytea,
    fingerprints bytea,
    stored_at    timestamptz not null
);

-- Staging rows of an import in progress: streamed in with COPY, checked and merged set-based into
-- print_request, then deleted in the same transaction. Nothing stays here after a commit.
create table import_row (
    import_id        bigint      not null,
    line             integer     not null,
    nik              varchar(16) not null,
    kk               varchar(16) not null,
    name             varchar(60) not null,
    sex              varchar(1)  not null,
    birth_place      varchar     not null,
    birth_date       date        not null,
    blood_type       varchar(3),
    address          varchar     not null,
    rt               varchar(3)  not null,
    rw               varchar(3)  not null,
    village          varchar     not null,
    district         varchar     not null,
    regency          varchar     not null,
    province         varchar     not null,
    religion         varchar     not null,
    marital_status   varchar     not null,
    occupation       varchar     not null,
    citizenship      varchar(3)  not null,
    siak_status      varchar     not null,
    siak_status_at   timestamptz not null,
    reason           varchar     not null,
    urgent_reason    varchar,
    vulnerable       boolean     not null,
    disabled         boolean     not null,
    suket_number     varchar,
    suket_date       date,
    phone            varchar(16),
    phone_raw        varchar,
    flags            varchar     not null,
    has_photo        boolean     not null,
    content_hash     varchar(64) not null,
    photo            bytea,
    signature        bytea,
    fingerprints     bytea,
    existing_id      bigint,
    existing_status  varchar,
    action           varchar
);
create index ix_import_row_import on import_row (import_id, nik);

-- [jooq ignore start]
-- at most one active request per NIK in the whole installation: a second one is double data
create unique index uq_print_request_active_nik on print_request (nik)
    where status not in ('WITHDRAWN', 'HANDED_OVER');
-- requests holding a blank that is still in the vault or a feeder
create index ix_print_request_holding on print_request (office_id)
    where status in ('RESERVED', 'FAILED_REQUEUED');
create index ix_print_request_queued on print_request (office_id)
    where status = 'QUEUED';
alter table import_row set unlogged;
-- [jooq ignore stop]
