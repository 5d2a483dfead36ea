-- The print order of a held blank — tier, then oldest Suket (none last), then oldest print-ready time —
-- kept on the reservation, so the print station takes its next request from an index instead of sorting
-- every request that holds a blank.
alter table reservation add column suket_key date;
alter table reservation add column ready_at timestamptz;
-- [jooq ignore start]
update reservation r
   set suket_key = coalesce(p.suket_date, date '9999-12-31'),
       ready_at  = p.siak_status_at
  from print_request p
 where p.id = r.request_id;
-- [jooq ignore stop]
alter table reservation alter column suket_key set not null;
alter table reservation alter column ready_at set not null;
-- [jooq ignore start]
create index ix_reservation_print_order on reservation (office_id, tier, suket_key, ready_at, request_id)
    where released_at is null and consumed_at is null;
-- [jooq ignore stop]
-- [jooq ignore start]
-- a record changed upstream (its Suket, its print-ready time) moves its held blank in the print order
create function reservation_print_order() returns trigger language plpgsql as $$
begin
    update reservation
       set suket_key = coalesce(new.suket_date, date '9999-12-31'),
           ready_at  = new.siak_status_at
     where request_id = new.id
       and released_at is null
       and consumed_at is null;
    return null;
end
$$;
create trigger tr_reservation_print_order after update of suket_date, siak_status_at on print_request
    for each row
    when (old.suket_date is distinct from new.suket_date
          or old.siak_status_at is distinct from new.siak_status_at)
    execute function reservation_print_order();
-- [jooq ignore stop]
