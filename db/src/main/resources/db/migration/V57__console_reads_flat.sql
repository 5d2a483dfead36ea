-- What the console reads while the print room works, kept by the database as each movement is written,
-- so a read costs the same after 24,000 cards of the day as after the first, and after years of ledger.

-- Blanks each printer printed and spoiled, per hour (UTC): every blank that left one of the printer's
-- places for the printed or the spoiled pile. An office's day, whatever its zone (WIB, WITA, WIT), is a
-- whole number of these hours.
create table printer_hour_count (
    printer_id bigint      not null constraint fk_printer_hour_count_printer references printer (id),
    hour       timestamptz not null,
    printed    bigint      not null default 0,
    spoiled    bigint      not null default 0,
    constraint pk_printer_hour_count primary key (printer_id, hour)
);

-- What came into an office from its sources (the centre, a lender, residents' old cards), which have
-- no balance of their own: the reconciliation's starting totals. Blanks of a reversed drop that went
-- back to the centre count against the centre's total.
create table stock_source_total (
    office_id bigint  not null constraint fk_stock_source_total_office references office (id),
    item      varchar not null,
    location  varchar not null,
    quantity  bigint  not null,
    constraint pk_stock_source_total primary key (office_id, item, location)
);

-- [jooq ignore start]
create function stock_movement_counts() returns trigger language plpgsql as $$
begin
    if new.item = 'BLANK' and new.from_printer_id is not null
            and new.to_location in ('PRINTED', 'SPOILED') then
        insert into printer_hour_count (printer_id, hour, printed, spoiled)
        values (new.from_printer_id,
                date_trunc('hour', new.occurred_at at time zone 'UTC') at time zone 'UTC',
                case when new.to_location = 'PRINTED' then new.quantity else 0 end,
                case when new.to_location = 'SPOILED' then new.quantity else 0 end)
        on conflict (printer_id, hour) do update
            set printed = printer_hour_count.printed + excluded.printed,
                spoiled = printer_hour_count.spoiled + excluded.spoiled;
    end if;
    if new.from_location in ('CENTRE', 'BORROWED', 'WITHDRAWN') then
        insert into stock_source_total (office_id, item, location, quantity)
        values (new.office_id, new.item, new.from_location, new.quantity)
        on conflict (office_id, item, location) do update
            set quantity = stock_source_total.quantity + excluded.quantity;
    end if;
    if new.to_location = 'CENTRE' then
        insert into stock_source_total (office_id, item, location, quantity)
        values (new.office_id, new.item, 'CENTRE', -new.quantity)
        on conflict (office_id, item, location) do update
            set quantity = stock_source_total.quantity + excluded.quantity;
    end if;
    return null;
end
$$;
create trigger tr_stock_movement_counts after insert on stock_movement
    for each row
    when (new.from_location in ('CENTRE', 'BORROWED', 'WITHDRAWN') or new.to_location = 'CENTRE'
          or (new.from_printer_id is not null and new.to_location in ('PRINTED', 'SPOILED')))
    execute function stock_movement_counts();

insert into printer_hour_count (printer_id, hour, printed, spoiled)
select from_printer_id,
       date_trunc('hour', occurred_at at time zone 'UTC') at time zone 'UTC',
       sum(case when to_location = 'PRINTED' then quantity else 0 end),
       sum(case when to_location = 'SPOILED' then quantity else 0 end)
from stock_movement
where item = 'BLANK' and from_printer_id is not null and to_location in ('PRINTED', 'SPOILED')
group by 1, 2;

insert into stock_source_total (office_id, item, location, quantity)
select office_id, item, location, sum(quantity)
from (select office_id, item, from_location as location, quantity
      from stock_movement
      where from_location in ('CENTRE', 'BORROWED', 'WITHDRAWN')
      union all
      select office_id, item, 'CENTRE', -quantity
      from stock_movement
      where to_location = 'CENTRE') as sourced
group by 1, 2, 3;

-- The latest movements of an office (the stock page), newest first, and its keyset paging.
create index ix_stock_movement_office_id on stock_movement (office_id, id);
-- A printer's open job (the printers page): the one row, not every job the printer ever ran.
create index ix_print_job_open on print_job (printer_id) where finished_at is null;
-- [jooq ignore stop]
