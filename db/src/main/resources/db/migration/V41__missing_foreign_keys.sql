-- References that were plain numbers: each now names the row it points to, so no movement, report
-- line, grant or outbox row can point at a request, approval or print job that does not exist.
alter table destruction_report
    add constraint fk_destruction_report_approval foreign key (approval_id) references approval (id);
alter table stock_movement
    add constraint fk_stock_movement_request foreign key (request_id) references print_request (id);
alter table destruction_item
    add constraint fk_destruction_item_request foreign key (request_id) references print_request (id);
alter table reprint_grant
    add constraint fk_reprint_grant_approval foreign key (approval_id) references approval (id);
alter table sms_outbox
    add constraint fk_sms_outbox_request foreign key (request_id) references print_request (id);
alter table sms_outbox
    add constraint fk_sms_outbox_job foreign key (print_job_id) references print_job (id);
alter table status_outbox
    add constraint fk_status_outbox_request foreign key (request_id) references print_request (id);
alter table status_outbox
    add constraint fk_status_outbox_job foreign key (print_job_id) references print_job (id);

-- [jooq ignore start]
-- Histories refuse TRUNCATE as the ledger and the audit trail already do (a row-level trigger does not
-- fire on TRUNCATE, so the append-only rule of print_job_event had a hole).
create trigger print_job_event_no_truncate
    before truncate on print_job_event
    for each statement execute function refuse_change();
create trigger print_request_event_no_truncate
    before truncate on print_request_event
    for each statement execute function refuse_change();
-- [jooq ignore stop]
