-- NO_REPORT: a notice a gateway that sends delivery reports (Kannel, SMPP) took, of which no report came
-- within cetak.sms.report-deadline (the report was lost: no node answered Kannel's dlr-url before
-- smsbox's last try). It shows on the notifications page for an officer; a report arriving later still
-- settles it.
alter table sms_outbox drop constraint ck_sms_outbox_status;
alter table sms_outbox add constraint ck_sms_outbox_status check (status in
    ('PENDING', 'SENDING', 'SENT', 'DELIVERED', 'UNDELIVERED', 'FAILED', 'SUPERSEDED', 'NO_PHONE',
     'NO_REPORT'));
