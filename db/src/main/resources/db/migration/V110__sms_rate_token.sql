-- The cluster's SMS sending rate (cetak.sms.per-minute): a bucket of one row per token. A dispatcher
-- takes free tokens (FOR UPDATE SKIP LOCKED) in the transaction that claims its notices, one per
-- notice; a token spent comes back a minute after its use, so all nodes together never send more than
-- per-minute SMS in any minute. Rows are added by the dispatcher up to the configured rate.
create table sms_rate_token (
    slot    integer     constraint pk_sms_rate_token primary key,
    used_at timestamptz
);
