-- Handover at the counter (pengambilan), personal data erased after it, and the printed and handed-over
-- status pushed back to the centre (konsolidasi) with every attempt kept.

-- A card handed over at the counter: who checked what, who gave it to whom, and the old card withdrawn
-- (or reported lost with the police report). One per request and one per chip: a card is handed over once.
create table handover (
    id                   bigint generated always as identity constraint pk_handover primary key,
    office_id            bigint      not null constraint fk_handover_office references office (id),
    request_id           bigint      not null constraint fk_handover_request references print_request (id)
                                     constraint uq_handover_request unique,
    card_uid             varchar     not null,
    recipient            varchar     not null constraint ck_handover_recipient check (recipient in
                           ('RESIDENT', 'REPRESENTATIVE')),
    representative_name  varchar,
    authority_letter_no  varchar,
    suket_shown          boolean     not null,
    face_matches         boolean     not null,
    -- null: the office has no fingerprint reader
    fingerprint_verified boolean,
    old_card             varchar     not null constraint ck_handover_old_card check (old_card in
                           ('NONE', 'RETURNED', 'LOST')),
    old_card_uid         varchar,
    old_card_serial      varchar,
    police_report_no     varchar,
    old_card_movement_id bigint      constraint fk_handover_old_card_movement references stock_movement (id),
    handed_by            varchar     not null,
    handed_at            timestamptz not null,
    constraint ck_handover_representative check (recipient = 'RESIDENT'
        or (coalesce(representative_name, '') <> '' and coalesce(authority_letter_no, '') <> '')),
    constraint ck_handover_lost_card check (old_card <> 'LOST' or coalesce(police_report_no, '') <> ''),
    constraint ck_handover_returned_card check ((old_card = 'RETURNED') = (old_card_movement_id is not null))
);
create index ix_handover_office_time on handover (office_id, handed_at);

-- Personal fields a handed-over request no longer needs are erased (UU 27/2022); these may then be empty.
alter table print_request alter column kk drop not null;
alter table print_request alter column birth_date drop not null;
alter table print_request add column erased_at timestamptz;

-- The status outbox carries the handover too, after the card's printed status, and remembers its retries.
alter table status_outbox drop constraint uq_status_outbox_job;
alter table status_outbox add column kind varchar not null default 'PRINTED'
    constraint ck_status_outbox_kind check (kind in ('PRINTED', 'HANDED_OVER'));
alter table status_outbox add constraint uq_status_outbox_job_kind unique (print_job_id, kind);
alter table status_outbox add column handed_at timestamptz;
-- when the next attempt is due; a claimed row is leased until then so that no other node pushes it
alter table status_outbox add column next_attempt_at timestamptz;
alter table status_outbox add column last_answer varchar not null default '';
create index ix_status_outbox_request on status_outbox (request_id, id);
create index ix_status_outbox_nik on status_outbox (nik);

-- Every push attempt: written before the call, finished with the centre's answer.
create table status_push_attempt (
    id          bigint generated always as identity constraint pk_status_push_attempt primary key,
    outbox_id   bigint      not null constraint fk_status_push_attempt_outbox references status_outbox (id),
    attempt     integer     not null,
    actor       varchar     not null,
    started_at  timestamptz not null,
    finished_at timestamptz,
    outcome     varchar     not null constraint ck_status_push_attempt_outcome check (outcome in
                  ('IN_FLIGHT', 'ACCEPTED', 'UNAVAILABLE', 'REJECTED', 'UNSUPPORTED')),
    answer      varchar     not null default ''
);
create index ix_status_push_attempt_outbox on status_push_attempt (outbox_id, id);

-- [jooq ignore start]
create unique index uq_handover_card on handover (card_uid) where card_uid <> '';
create index ix_status_outbox_due on status_outbox (next_attempt_at, id) where status = 'PENDING';
create trigger handover_append_only
    before update or delete on handover
    for each row execute function refuse_change();
create trigger handover_no_truncate
    before truncate on handover
    for each statement execute function refuse_change();
-- [jooq ignore stop]
