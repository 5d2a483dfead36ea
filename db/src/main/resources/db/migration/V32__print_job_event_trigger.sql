-- Every insert and update of a print job writes its history row, by the database itself: a job's
-- step can never be persisted without its event, and the station saves a round trip per step.
alter table print_job add column last_event varchar not null default '';
alter table print_job add column last_moves varchar not null default '';
-- [jooq ignore start]
create function print_job_event_row() returns trigger language plpgsql as $$
begin
    insert into print_job_event (job_id, stage, event, moves, occurred_at)
    values (new.id, new.stage, new.last_event, new.last_moves, new.updated_at);
    return null;
end
$$;
create trigger tr_print_job_event after insert or update on print_job
    for each row execute function print_job_event_row();
-- [jooq ignore stop]
