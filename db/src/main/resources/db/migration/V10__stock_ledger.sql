-- The blank-stock ledger: printers, drops of blanks from the centre, the append-only movement ledger,
-- the balances maintained beside it, loans between offices and destruction reports (berita acara pemusnahan).

-- A card printer of an office. The print station adds its own columns in its migrations.
create table printer (
    id         bigint generated always as identity constraint pk_printer primary key,
    office_id  bigint      not null constraint fk_printer_office references office (id),
    code       varchar     not null,
    name       varchar     not null,
    model      varchar     not null default '',
    created_at timestamptz not null,
    constraint uq_printer_code unique (office_id, code)
);

-- A drop of blanks from the centre with its hand-over document (berita acara serah terima).
create table stock_drop (
    id            bigint generated always as identity constraint pk_stock_drop primary key,
    office_id     bigint      not null constraint fk_stock_drop_office references office (id),
    document_no   varchar     not null,
    document_date date        not null,
    quantity      integer     not null constraint ck_stock_drop_quantity check (quantity > 0),
    received_by   varchar     not null,
    received_at   timestamptz not null,
    constraint uq_stock_drop_document unique (office_id, document_no)
);

-- Serial ranges of a drop: prefix + inclusive numeric range. Ranges never overlap across the installation.
create table stock_serial_range (
    id        bigint generated always as identity constraint pk_stock_serial_range primary key,
    drop_id   bigint  not null constraint fk_stock_serial_range_drop references stock_drop (id),
    prefix    varchar not null,
    first_no  bigint  not null,
    last_no   bigint  not null,
    digits    integer not null,
    constraint ck_stock_serial_range_order check (first_no >= 0 and last_no >= first_no)
);
create index ix_stock_serial_range_prefix on stock_serial_range (prefix, first_no);

-- A loan of blanks to or from another office, with its document.
create table stock_loan (
    id                   bigint generated always as identity constraint pk_stock_loan primary key,
    office_id            bigint      not null constraint fk_stock_loan_office references office (id),
    direction            varchar     not null constraint ck_stock_loan_direction check (direction in ('LENT', 'BORROWED')),
    counterpart_office_id bigint     constraint fk_stock_loan_counterpart references office (id),
    counterpart_name     varchar     not null,
    document_no          varchar     not null,
    quantity             integer     not null constraint ck_stock_loan_quantity check (quantity > 0),
    recorded_by          varchar     not null,
    recorded_at          timestamptz not null,
    constraint uq_stock_loan_document unique (office_id, direction, document_no)
);

-- A destruction report (berita acara pemusnahan), numbered per office and year.
create table destruction_report (
    id           bigint generated always as identity constraint pk_destruction_report primary key,
    office_id    bigint      not null constraint fk_destruction_report_office references office (id),
    report_year  integer     not null,
    report_seq   integer     not null,
    number       varchar     not null,
    report_date  date        not null,
    place        varchar     not null default '',
    witnesses    varchar     not null,
    status       varchar     not null constraint ck_destruction_report_status check (status in ('PROPOSED', 'DESTROYED', 'REJECTED')),
    approval_id  bigint,
    proposed_by  varchar     not null,
    proposed_at  timestamptz not null,
    destroyed_at timestamptz,
    constraint uq_destruction_report_seq unique (office_id, report_year, report_seq),
    constraint uq_destruction_report_number unique (office_id, number)
);

-- One ledger row per movement of blanks (or old cards) between two locations. Append-only.
create table stock_movement (
    id              bigint generated always as identity constraint pk_stock_movement primary key,
    office_id       bigint      not null constraint fk_stock_movement_office references office (id),
    item            varchar     not null constraint ck_stock_movement_item check (item in ('BLANK', 'OLD_CARD')),
    from_location   varchar     not null constraint ck_stock_movement_from check (from_location in
                      ('CENTRE', 'VAULT', 'FEEDER', 'INSIDE_PRINTER', 'PRINTED', 'SPOILED', 'DESTROYED',
                       'LENT', 'BORROWED', 'UNKNOWN', 'WITHDRAWN')),
    from_printer_id bigint      constraint fk_stock_movement_from_printer references printer (id),
    to_location     varchar     not null constraint ck_stock_movement_to check (to_location in
                      ('CENTRE', 'VAULT', 'FEEDER', 'INSIDE_PRINTER', 'PRINTED', 'SPOILED', 'DESTROYED',
                       'LENT', 'BORROWED', 'UNKNOWN', 'WITHDRAWN')),
    to_printer_id   bigint      constraint fk_stock_movement_to_printer references printer (id),
    quantity        integer     not null constraint ck_stock_movement_quantity check (quantity > 0),
    reason          varchar     not null,
    actor           varchar     not null,
    occurred_at     timestamptz not null,
    reference_kind  varchar     not null constraint ck_stock_movement_reference check (reference_kind in
                      ('DROP', 'PRINTER', 'PRINT_JOB', 'DESTRUCTION_REPORT', 'LOAN', 'APPROVAL', 'REQUEST')),
    reference_id    bigint      not null,
    serial_first    varchar,
    serial_last     varchar,
    chip_uid        varchar,
    request_id      bigint,
    note            varchar     not null default '',
    constraint ck_stock_movement_distinct check (from_location <> to_location
                      or coalesce(from_printer_id, 0) <> coalesce(to_printer_id, 0))
);
create index ix_stock_movement_office_time on stock_movement (office_id, occurred_at);
create index ix_stock_movement_chip on stock_movement (chip_uid);

-- The cards listed on a destruction report, each tied to the spoil movement that put it on the pile.
create table destruction_item (
    id                bigint generated always as identity constraint pk_destruction_item primary key,
    report_id         bigint  not null constraint fk_destruction_item_report references destruction_report (id),
    spoil_movement_id bigint  not null constraint fk_destruction_item_spoil references stock_movement (id),
    item              varchar not null constraint ck_destruction_item_item check (item in ('BLANK', 'OLD_CARD')),
    chip_uid          varchar,
    serial            varchar,
    reason            varchar not null,
    request_id        bigint
);
create index ix_destruction_item_spoil on destruction_item (spoil_movement_id);

-- Balances maintained in the same transaction as each movement. Source locations (CENTRE, BORROWED,
-- WITHDRAWN) have no balance: they are counted from the ledger.
create table stock_balance (
    id         bigint generated always as identity constraint pk_stock_balance primary key,
    office_id  bigint  not null constraint fk_stock_balance_office references office (id),
    item       varchar not null constraint ck_stock_balance_item check (item in ('BLANK', 'OLD_CARD')),
    location   varchar not null constraint ck_stock_balance_location check (location in
                 ('VAULT', 'FEEDER', 'INSIDE_PRINTER', 'PRINTED', 'SPOILED', 'DESTROYED', 'LENT', 'UNKNOWN')),
    printer_id bigint  constraint fk_stock_balance_printer references printer (id),
    quantity   bigint  not null default 0 constraint ck_stock_balance_quantity check (quantity >= 0),
    constraint ck_stock_balance_printer check ((location in ('FEEDER', 'INSIDE_PRINTER', 'UNKNOWN')) = (printer_id is not null))
);

-- [jooq ignore start]
create unique index uq_stock_balance_slot on stock_balance (office_id, item, location, coalesce(printer_id, 0));

create trigger stock_movement_append_only
    before update or delete on stock_movement
    for each row execute function refuse_change();
create trigger stock_movement_no_truncate
    before truncate on stock_movement
    for each statement execute function refuse_change();
create trigger destruction_item_append_only
    before update or delete on destruction_item
    for each row execute function refuse_change();
create trigger destruction_item_no_truncate
    before truncate on destruction_item
    for each statement execute function refuse_change();
create trigger stock_serial_range_append_only
    before update or delete on stock_serial_range
    for each row execute function refuse_change();
create trigger stock_serial_range_no_truncate
    before truncate on stock_serial_range
    for each statement execute function refuse_change();
-- [jooq ignore stop]
