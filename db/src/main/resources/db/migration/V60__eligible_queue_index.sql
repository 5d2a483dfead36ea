-- The queue allocation ranks: requests that may take a blank (queued, print-ready, with a photo), in the
-- tie-break order within a tier (oldest Suket, none last; oldest print-ready time; first registered),
-- carrying the fields the priority policy's tiers test. An allocation run reads one tier at a time in
-- this order and stops when the blanks are given; it and the why-not-yet count read this index only.
-- [jooq ignore start]
create index ix_print_request_eligible on print_request
    (office_id, (coalesce(suket_date, date '9999-12-31')), siak_status_at, id)
    include (reason, urgent_reason, vulnerable, disabled, birth_date, suket_date)
    where status = 'QUEUED' and siak_status = 'PRINT_READY_RECORD' and has_photo;
-- [jooq ignore stop]
