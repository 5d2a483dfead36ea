-- A resident comes back: a new print-ready record for a NIK whose last request is closed (withdrawn, or handed
-- over and the card later lost, damaged or its data changed) opens a new request that names the one before it.
alter table print_request add column previous_request_id bigint
    constraint fk_print_request_previous references print_request (id);
create index ix_print_request_previous on print_request (previous_request_id)
    where previous_request_id is not null;

-- What an import reopened (a new request after a closed one) is counted apart from what it created.
alter table import_batch add column reopened integer not null default 0;
