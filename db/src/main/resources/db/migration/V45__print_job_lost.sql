-- A card the operator cannot find ends its print job LOST: its blank stays in outcome unknown until the loss
-- report (berita acara kehilangan) proposed with the settlement is approved, and the request is requeued.
alter table print_job drop constraint ck_print_job_stage;
alter table print_job add constraint ck_print_job_stage check (stage in
    ('PICKING', 'ENCODING', 'PRINTING', 'REJECTING', 'UNKNOWN', 'PRINTED', 'SPOILED', 'NOT_PICKED', 'LOST'));
