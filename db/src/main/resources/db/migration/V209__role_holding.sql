-- Who held each role in each office, and when: one row per user, office and role for as long as the
-- enabled account held the role there with the same full name, NIP and position (jabatan). Written in the
-- same transaction as every change of a user's roles, office, enabled state or official details: the row
-- that no longer holds is closed (valid_until) and the new state opened (valid_from). The daily stock
-- report of a past day is signed by whoever held the role at the end of the office's day, whenever the
-- report is first produced; the recording of the signatories at production time (V196) is gone.
create table role_holding (
    id          bigint generated always as identity constraint pk_role_holding primary key,
    user_id     bigint      not null constraint fk_role_holding_user references app_user (id),
    office_id   bigint      not null constraint fk_role_holding_office references office (id),
    role        varchar     not null constraint ck_role_holding_role check (role in
                    ('COUNTER_OFFICER', 'OPERATOR', 'INVENTORY_MANAGER', 'SUPERVISOR', 'AUDITOR', 'ADMIN')),
    name        varchar     not null,
    nip         varchar     not null,
    position    varchar     not null,
    valid_from  timestamptz not null,
    valid_until timestamptz,
    constraint ck_role_holding_period check (valid_until is null or valid_until > valid_from)
);
create unique index uq_role_holding_open on role_holding (user_id, office_id, role) where valid_until is null;
create index ix_role_holding_office_role on role_holding (office_id, role, valid_from);

-- [jooq ignore start]
-- The history begins with the holders at this migration, each from the creation of the account: a day
-- before it names them too (a day before the account existed leaves the line blank), whoever held the role
-- then. The reports already kept keep their PDFs as they were issued.
insert into role_holding (user_id, office_id, role, name, nip, position, valid_from)
select u.id, u.office_id, r.role, u.display_name, u.nip, u.position, u.created_at
from app_user u
join user_role r on r.user_id = u.id
where u.enabled;
-- [jooq ignore stop]

drop table daily_report_signatory;
