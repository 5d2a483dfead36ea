-- What each printer's pick counter must read when none of its jobs is open, kept by the database with
-- each job step: a new job sets it to the counter read before its pick, and every blank a job's step
-- moves out of (or back into) the printer's feeder moves it by the quantity. A station that finds the
-- printer's counter ahead of it (a database restored from an older backup, cards picked by hand)
-- holds the printer instead of trusting the database. A table of its own: a step holds its printer's
-- row share-locked, so a trigger updating that row would deadlock with an operator's settlement.
create table printer_pick_count (
    printer_id      bigint not null constraint pk_printer_pick_count primary key
                      constraint fk_printer_pick_count_printer references printer (id),
    expected_picked bigint not null
);
-- [jooq ignore start]
create function printer_pick_count_job() returns trigger language plpgsql as $$
begin
    if new.base_picked is not null then
        insert into printer_pick_count (printer_id, expected_picked)
        values (new.printer_id, new.base_picked)
        on conflict (printer_id) do update set expected_picked = excluded.expected_picked;
    end if;
    return null;
end
$$;
create trigger tr_printer_pick_count_job after insert on print_job
    for each row execute function printer_pick_count_job();

create function printer_pick_count_move() returns trigger language plpgsql as $$
begin
    if new.reference_kind = 'PRINT_JOB' and new.item = 'BLANK' then
        if new.from_location = 'FEEDER' then
            update printer_pick_count set expected_picked = expected_picked + new.quantity
            where printer_id = new.from_printer_id;
        end if;
        if new.to_location = 'FEEDER' then
            update printer_pick_count set expected_picked = expected_picked - new.quantity
            where printer_id = new.to_printer_id;
        end if;
    end if;
    return null;
end
$$;
create trigger tr_printer_pick_count_move after insert on stock_movement
    for each row execute function printer_pick_count_move();
-- [jooq ignore stop]
