-- A loan of blanks is returned, whole or in parts, with the return's document (berita acara
-- pengembalian): blanks lent come back to the vault (LENT -> VAULT) and blanks borrowed go back to the
-- lender (VAULT -> BORROWED), each with a movement that names the loan (reference LOAN). The loan keeps
-- how many have come back; blanks given back to a lender count against what was borrowed.

alter table stock_loan add column returned integer not null default 0;
alter table stock_loan add constraint ck_stock_loan_returned check (returned between 0 and quantity);

-- [jooq ignore start]
create or replace function stock_movement_counts() returns trigger language plpgsql as $$
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
    if new.to_location in ('CENTRE', 'BORROWED') then
        insert into stock_source_total (office_id, item, location, quantity)
        values (new.office_id, new.item, new.to_location, -new.quantity)
        on conflict (office_id, item, location) do update
            set quantity = stock_source_total.quantity + excluded.quantity;
    end if;
    return null;
end
$$;
drop trigger tr_stock_movement_counts on stock_movement;
create trigger tr_stock_movement_counts after insert on stock_movement
    for each row
    when (new.from_location in ('CENTRE', 'BORROWED', 'WITHDRAWN') or new.to_location in ('CENTRE', 'BORROWED')
          or (new.from_printer_id is not null and new.to_location in ('PRINTED', 'SPOILED')))
    execute function stock_movement_counts();
-- [jooq ignore stop]
