-- The signatories of an office's daily stock report (laporan harian stok blanko) for a day, as they were on
-- that day: the inventory manager who draws it up and the supervisor who acknowledges it, with the full name,
-- NIP and position (jabatan) from their accounts. Recorded when the report of the day is produced, and kept
-- once the day has ended, so the report of a past day names its own signatories after the roles change hands.
create table daily_report_signatory (
    office_id   bigint      not null constraint fk_daily_report_signatory_office references office (id),
    report_date date        not null,
    role        varchar     not null constraint ck_daily_report_signatory_role
                                check (role in ('INVENTORY_MANAGER', 'SUPERVISOR')),
    name        varchar     not null,
    nip         varchar     not null,
    position    varchar     not null,
    recorded_at timestamptz not null,
    constraint pk_daily_report_signatory primary key (office_id, report_date, role)
);
