-- Each return of a loan of blanks (berita acara pengembalian) in a row of its own: the loan, the return's
-- document number, how many blanks came back, who recorded it and when. One return of a loan between two
-- offices of this installation is a row on each side, as it is a movement in each ledger. Returns are kept as
-- recorded: the table refuses UPDATE and DELETE, as the ledger does.
create table stock_loan_return (
    id          bigint generated always as identity constraint pk_stock_loan_return primary key,
    loan_id     bigint      not null constraint fk_stock_loan_return_loan references stock_loan (id),
    document_no varchar     not null,
    quantity    integer     not null constraint ck_stock_loan_return_quantity check (quantity > 0),
    returned_by varchar     not null,
    returned_at timestamptz not null
);
create index ix_stock_loan_return_loan on stock_loan_return (loan_id, id);

-- [jooq ignore start]
-- Returns recorded before: each LOAN_RETURNED movement of a loan, whose note carried the return's document.
insert into stock_loan_return (loan_id, document_no, quantity, returned_by, returned_at)
select m.reference_id, m.note, m.quantity, m.actor, m.occurred_at
from stock_movement m
join stock_loan l on l.id = m.reference_id and l.office_id = m.office_id
where m.reference_kind = 'LOAN' and m.reason = 'LOAN_RETURNED'
order by m.id;

create trigger stock_loan_return_append_only
    before update or delete on stock_loan_return
    for each row execute function refuse_change();
create trigger stock_loan_return_no_truncate
    before truncate on stock_loan_return
    for each statement execute function refuse_change();
-- [jooq ignore stop]
