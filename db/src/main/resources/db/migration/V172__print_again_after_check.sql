-- A card rejected at the print room's check sends its request back to the queue without a
-- supervisor's approval: the request's next print is an ordinary print of a requeued request, not a
-- reprint. Its job names the printed job whose card it replaces. A request still has one good printed
-- card at a time: one printed job that replaces none (besides approved reprints), and each printed
-- card replaced by one printed job at most.
alter table print_job add column replaces_job_id bigint
    constraint fk_print_job_replaces references print_job (id);
-- [jooq ignore start]
drop index uq_print_job_printed_once;
create unique index uq_print_job_printed_once on print_job (request_id)
    where stage = 'PRINTED' and not reprint and replaces_job_id is null;
create unique index uq_print_job_replaced_once on print_job (replaces_job_id)
    where stage = 'PRINTED';
-- [jooq ignore stop]
