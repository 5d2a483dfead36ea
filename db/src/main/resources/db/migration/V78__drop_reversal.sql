-- A drop received by mistake is reversed, never edited: under a two-person approval the blanks go back
-- to the centre with a correcting movement (VAULT -> CENTRE, reason DROP_REVERSED) that names the drop,
-- and the drop is marked reversed. Its document number and serial ranges are then free for the drop
-- as it should have been received.

alter table stock_drop add column reversal_approval_id bigint
    constraint fk_stock_drop_reversal_approval references approval (id);
alter table stock_drop add column reversed_at timestamptz;

alter table stock_drop drop constraint uq_stock_drop_document;
-- [jooq ignore start]
create unique index uq_stock_drop_document on stock_drop (office_id, document_no) where reversed_at is null;
-- [jooq ignore stop]
