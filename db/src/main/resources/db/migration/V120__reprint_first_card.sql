-- A reprint accounts for the first card: the grant keeps the first card's chip UID as it was when the
-- supervisor approved, and what happened to that card once it is entered (in the office: spoiled with
-- reason REPRINT, into the destruction flow; lost: LOST with the police report number), with the ledger
-- movement that records it. The reprinted card is not handed over until it is entered.
alter table reprint_grant add column first_card_uid varchar;
alter table reprint_grant add column first_card_outcome varchar
    constraint ck_reprint_grant_first_card_outcome check (first_card_outcome in ('SPOILED', 'LOST'));
alter table reprint_grant add column first_card_serial varchar;
alter table reprint_grant add column police_report_no varchar;
alter table reprint_grant add column first_card_movement_id bigint
    constraint fk_reprint_grant_first_card_movement references stock_movement (id);
alter table reprint_grant add column first_card_by varchar;
alter table reprint_grant add column first_card_at timestamptz;
alter table reprint_grant add constraint ck_reprint_grant_first_card_recorded
    check ((first_card_outcome is null) = (first_card_movement_id is null)
       and (first_card_outcome is distinct from 'LOST' or police_report_no is not null));

-- [jooq ignore start]
update reprint_grant g set first_card_uid = r.card_uid
    from print_request r where r.id = g.request_id and g.used_by_job is null;
-- [jooq ignore stop]
