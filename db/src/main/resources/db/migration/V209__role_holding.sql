-- Who held each role in each office, and when: one row per user, office and role for as long as the
-- enabled account held the role there with the same full name, NIP and position (jabatan). Written in the
-- same transaction as every change of a user's roles, office, enabled state or official details: the row
-- that no longer holds is closed (valid_until) and the new state opened (valid_from). The daily stock
-- report of a past day is signed by whoever held the role at the end of the office's day, whenever the
-- report is first produced. The signatories V196 recorded at production time become holdings of their days.
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
-- The signatories V196 recorded for a day stay the holders of that day: each recorded holder holds from the
-- start of the recorded day (in the office's zone) until the next day recorded for that office and role, or
-- the end of the day when none follows. The account is the office's account with the same full name and NIP
-- (or, with no NIP, the same name).
with recorded as (
    select s.office_id, s.role, s.name, s.nip, s.position, o.time_zone, s.report_date,
           lead(s.report_date) over (partition by s.office_id, s.role order by s.report_date) as next_date
    from daily_report_signatory s
    join office o on o.id = s.office_id
)
insert into role_holding (user_id, office_id, role, name, nip, position, valid_from, valid_until)
select a.id, r.office_id, r.role, r.name, r.nip, r.position,
       r.report_date::timestamp at time zone r.time_zone,
       coalesce(r.next_date, r.report_date + 1)::timestamp at time zone r.time_zone
from recorded r
join lateral (
    select u.id from app_user u
    where u.office_id = r.office_id and u.display_name = r.name and u.nip = r.nip
    order by u.id limit 1
) a on true;

-- Otherwise the history begins with the holders at this migration, each from the creation of the account
-- (a day before the account existed leaves the line blank), whoever held the role then: before the first
-- day recorded for the office and role, and after the last one.
with bounds as (
    select s.office_id, s.role,
           min(s.report_date)::timestamp at time zone o.time_zone as first_start,
           (max(s.report_date) + 1)::timestamp at time zone o.time_zone as last_end
    from daily_report_signatory s
    join office o on o.id = s.office_id
    group by s.office_id, s.role, o.time_zone
), holders as (
    select u.id, u.office_id, r.role, u.display_name, u.nip, u.position, u.created_at,
           b.first_start, b.last_end
    from app_user u
    join user_role r on r.user_id = u.id
    left join bounds b on b.office_id = u.office_id and b.role = r.role
    where u.enabled
)
insert into role_holding (user_id, office_id, role, name, nip, position, valid_from, valid_until)
select id, office_id, role, display_name, nip, position, created_at, first_start
from holders
where first_start is not null and created_at < first_start
union all
select id, office_id, role, display_name, nip, position, greatest(created_at, coalesce(last_end, created_at)), null
from holders;
-- [jooq ignore stop]

drop table daily_report_signatory;
