-- The size of an office's eligible queue (queued, print-ready, with a photo), which bounds an
-- allocation run and is recorded with it, counted from a narrow index: the office id of each eligible
-- request, deduplicated by the B-tree into a few megabytes at a million requests, instead of the heap
-- or the wide eligible-queue index. A request leaving the queue (reserved) adds no entry to it.
-- [jooq ignore start]
create index ix_print_request_eligible_count on print_request (office_id)
    where status = 'QUEUED' and siak_status = 'PRINT_READY_RECORD' and has_photo;
-- [jooq ignore stop]
