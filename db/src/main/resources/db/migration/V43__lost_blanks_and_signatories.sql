-- A blank that cannot be found is lost, not spoiled: its own location (LOST), reached only through a loss
-- report (berita acara kehilangan) that a second person approves, and left again only when it is found.
-- Reports name their signatories: each user's NIP and position (jabatan) beside the full name.

alter table stock_movement drop constraint ck_stock_movement_from;
alter table stock_movement add constraint ck_stock_movement_from check (from_location in
    ('CENTRE', 'VAULT', 'FEEDER', 'INSIDE_PRINTER', 'PRINTED', 'SPOILED', 'DESTROYED',
     'LENT', 'BORROWED', 'UNKNOWN', 'WITHDRAWN', 'LOST'));
alter table stock_movement drop constraint ck_stock_movement_to;
alter table stock_movement add constraint ck_stock_movement_to check (to_location in
    ('CENTRE', 'VAULT', 'FEEDER', 'INSIDE_PRINTER', 'PRINTED', 'SPOILED', 'DESTROYED',
     'LENT', 'BORROWED', 'UNKNOWN', 'WITHDRAWN', 'LOST'));
alter table stock_movement drop constraint ck_stock_movement_reference;
alter table stock_movement add constraint ck_stock_movement_reference check (reference_kind in
    ('DROP', 'PRINTER', 'PRINT_JOB', 'DESTRUCTION_REPORT', 'LOAN', 'APPROVAL', 'REQUEST', 'LOSS_REPORT'));

alter table stock_balance drop constraint ck_stock_balance_location;
alter table stock_balance add constraint ck_stock_balance_location check (location in
    ('VAULT', 'FEEDER', 'INSIDE_PRINTER', 'PRINTED', 'SPOILED', 'DESTROYED', 'LENT', 'UNKNOWN', 'LOST'));

-- A loss report, numbered per office and year. Blanks move to LOST only once it is approved.
create table loss_report (
    id              bigint generated always as identity constraint pk_loss_report primary key,
    office_id       bigint      not null constraint fk_loss_report_office references office (id),
    report_year     integer     not null,
    report_seq      integer     not null,
    number          varchar     not null,
    report_date     date        not null,
    from_location   varchar     not null constraint ck_loss_report_from check (from_location in
                      ('VAULT', 'FEEDER', 'INSIDE_PRINTER', 'UNKNOWN')),
    from_printer_id bigint      constraint fk_loss_report_printer references printer (id),
    quantity        integer     not null constraint ck_loss_report_quantity check (quantity > 0),
    circumstances   varchar     not null,
    chip_uid        varchar,
    serial          varchar,
    print_job_id    bigint,
    status          varchar     not null constraint ck_loss_report_status check (status in ('PROPOSED', 'LOST', 'REJECTED')),
    approval_id     bigint      constraint fk_loss_report_approval references approval (id),
    proposed_by     varchar     not null,
    proposed_at     timestamptz not null,
    decided_at      timestamptz,
    found_quantity  integer     not null default 0,
    constraint uq_loss_report_seq unique (office_id, report_year, report_seq),
    constraint uq_loss_report_number unique (office_id, number),
    constraint ck_loss_report_found check (found_quantity >= 0 and found_quantity <= quantity)
);

alter table app_user add column nip varchar not null default '';
alter table app_user add column position varchar not null default '';
