-- The print room's quality check (pemeriksaan kartu): a printed card waits "to be checked" until an operator
-- of its office confirms it (its chip read back) or rejects it (to the spoiled pile, its request back in the
-- queue). notice_settings.collectable_when is the office's one switch: QUALITY_CHECKED (the default now) means
-- the office checks every card and the pickup SMS is written when the card passes; PRINTED means no check and
-- the SMS is written at print, as before.

-- One row per card that had to be checked: written WAITING in the transaction that marks the card printed,
-- then PASSED or REJECTED once. A card printed where the office does not check has no row.
--   chip_uid: the UID recorded at print; uid_read: the UID read back (typed, scanned or read by the reader);
--   reason: why a card was rejected; movement_id: the ledger movement PRINTED -> SPOILED of a rejected card.
create table card_check (
    print_job_id bigint      not null constraint pk_card_check primary key
                             constraint fk_card_check_job references print_job (id),
    office_id    bigint      not null constraint fk_card_check_office references office (id),
    request_id   bigint      not null constraint fk_card_check_request references print_request (id),
    chip_uid     varchar     not null,
    printed_at   timestamptz not null,
    status       varchar     not null default 'WAITING'
                             constraint ck_card_check_status check (status in ('WAITING', 'PASSED', 'REJECTED')),
    uid_read     varchar,
    read_by      varchar     constraint ck_card_check_read_by check (read_by in ('READER', 'TYPED')),
    reason       varchar     constraint ck_card_check_reason check (reason in ('MISPRINT', 'COLOUR', 'CHIP_UNREADABLE', 'DAMAGED')),
    note         varchar     not null default '',
    checked_by   varchar,
    checked_at   timestamptz,
    movement_id  bigint      constraint fk_card_check_movement references stock_movement (id),
    constraint ck_card_check_outcome check (
        (status = 'WAITING' and checked_at is null and reason is null)
        or (status = 'PASSED' and checked_at is not null and uid_read is not null and reason is null)
        or (status = 'REJECTED' and checked_at is not null and reason is not null and movement_id is not null))
);
create index ix_card_check_waiting on card_check (office_id, printed_at) where status = 'WAITING';
create index ix_card_check_request on card_check (request_id);

-- The check is on for every office unless its supervisor turns it off. Until now QUALITY_CHECKED wrote no
-- notice at all (nothing checked), so no stored PRINTED was a choice against a check that did not exist.
alter table notice_settings alter column collectable_when set default 'QUALITY_CHECKED';
update notice_settings set collectable_when = 'QUALITY_CHECKED';
