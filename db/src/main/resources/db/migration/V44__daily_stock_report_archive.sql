-- Daily stock reports (laporan harian stok blanko) produced by the scheduler for every office and day, kept
-- as issued: the figures that matter to the province and the PDF as printed. One per office and day.
create table daily_stock_report (
    id           bigint generated always as identity constraint pk_daily_stock_report primary key,
    office_id    bigint      not null constraint fk_daily_stock_report_office references office (id),
    report_date  date        not null,
    opening      bigint      not null,
    received     bigint      not null,
    printed      bigint      not null,
    spoiled      bigint      not null,
    lost         bigint      not null,
    closing      bigint      not null,
    usable       bigint      not null,
    pdf          bytea       not null,
    produced_at  timestamptz not null,
    produced_by  varchar     not null,
    constraint uq_daily_stock_report_day unique (office_id, report_date)
);

-- [jooq ignore start]
create trigger daily_stock_report_append_only
    before update or delete on daily_stock_report
    for each row execute function refuse_change();
-- [jooq ignore stop]
