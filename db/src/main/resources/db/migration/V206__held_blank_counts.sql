-- The blanks an office's requests hold (RESERVED or FAILED_REQUEUED: the blank still in the vault or a
-- feeder) as a count kept in the transaction that changes the requests, so that a why-not-yet answer and
-- an allocation run read a few rows instead of every holding request's heap row (ix_print_request_holding
-- visits a heap page for nearly every request it counts until vacuum marks the pages all-visible).
--
-- The count of an office is the sum of its rows. Each statement that changes how many requests hold a
-- blank adds its change as a row, and folds into it the office's rows no other transaction has locked
-- (deleted and summed into the new row), so concurrent writers never wait for each other and the table
-- stays at about one row an office plus one for each transaction writing at that moment.
create table held_blank_count (
    office_id bigint not null constraint fk_held_blank_count_office references office (id),
    n         bigint not null
);
create index ix_held_blank_count_office on held_blank_count (office_id);

-- [jooq ignore start]
create function held_blank_apply(office_ids bigint[], deltas bigint[]) returns void
language plpgsql as $$
begin
    with folded as (
        delete from held_blank_count h
        where h.ctid = any (array(
            select c.ctid from held_blank_count c
            where c.office_id = any (office_ids)
            for update skip locked))
        returning h.office_id, h.n)
    insert into held_blank_count (office_id, n)
    select office_id, sum(n)
    from (select d.office_id, d.n from unnest(office_ids, deltas) d (office_id, n)
          union all
          select f.office_id, f.n from folded f) c
    group by office_id
    having sum(n) <> 0;
end
$$;

create function held_blank_change() returns trigger language plpgsql as $$
declare
    offices bigint[];
    deltas  bigint[];
begin
    if tg_op = 'INSERT' then
        select array_agg(office_id), array_agg(n) into offices, deltas
        from (select n.office_id, count(*) as n from held_blank_new n
              where n.status in ('RESERVED', 'FAILED_REQUEUED')
              group by n.office_id) c;
    elsif tg_op = 'UPDATE' then
        select array_agg(office_id), array_agg(n) into offices, deltas
        from (select office_id, sum(d) as n
              from (select n.office_id, 1 as d from held_blank_new n
                    where n.status in ('RESERVED', 'FAILED_REQUEUED')
                    union all
                    select o.office_id, -1 from held_blank_old o
                    where o.status in ('RESERVED', 'FAILED_REQUEUED')) changed
              group by office_id
              having sum(d) <> 0) c;
    else
        select array_agg(office_id), array_agg(n) into offices, deltas
        from (select o.office_id, -count(*) as n from held_blank_old o
              where o.status in ('RESERVED', 'FAILED_REQUEUED')
              group by o.office_id) c;
    end if;
    if offices is not null then
        perform held_blank_apply(offices, deltas);
    end if;
    return null;
end
$$;

create trigger tr_print_request_held_blank_insert after insert on print_request
    referencing new table as held_blank_new
    for each statement execute function held_blank_change();
create trigger tr_print_request_held_blank_update after update on print_request
    referencing old table as held_blank_old new table as held_blank_new
    for each statement execute function held_blank_change();
create trigger tr_print_request_held_blank_delete after delete on print_request
    referencing old table as held_blank_old
    for each statement execute function held_blank_change();

create function held_blank_forget() returns trigger language plpgsql as $$
begin
    delete from held_blank_count;
    return null;
end
$$;

create trigger tr_print_request_held_blank_truncate after truncate on print_request
    for each statement execute function held_blank_forget();

-- The requests holding a blank now.
insert into held_blank_count (office_id, n)
select office_id, count(*) from print_request
where status in ('RESERVED', 'FAILED_REQUEUED')
group by office_id;
-- [jooq ignore stop]
