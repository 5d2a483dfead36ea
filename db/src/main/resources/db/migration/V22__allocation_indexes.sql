-- Indexes that keep an allocation run's counts off a full scan of a large queue.
-- [jooq ignore start]
-- requests with a reservation that is not printed yet (the daily cap counts them)
create index ix_print_request_outstanding on print_request (office_id)
    where status in ('RESERVED', 'FAILED_REQUEUED', 'PRINTING', 'OUTCOME_UNKNOWN');
-- cards printed per day
create index ix_print_request_printed on print_request (office_id, printed_at)
    where printed_at is not null;
-- [jooq ignore stop]
