-- The queue by tier over time: each hour the console's snapshot job counts, per office and tier,
-- the requests waiting for a blank and those holding one. Nothing else keeps that history (the tier
-- of a waiting request is decided by the policy of the day), so the chart reads these rows.

create table queue_tier_snapshot (
    office_id bigint      not null constraint fk_queue_tier_snapshot_office references office (id),
    taken_at  timestamptz not null,
    tier      integer     not null,
    waiting   bigint      not null constraint ck_queue_tier_snapshot_waiting check (waiting >= 0),
    holding   bigint      not null constraint ck_queue_tier_snapshot_holding check (holding >= 0),
    constraint pk_queue_tier_snapshot primary key (office_id, taken_at, tier)
);
