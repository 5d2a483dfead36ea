-- The console pages through an office's ledger newest first by movement id (keyset paging):
-- this index answers "the next 50 movements of office X below id N" without reading the rest.
create index ix_stock_movement_office_id on stock_movement (office_id, id);
