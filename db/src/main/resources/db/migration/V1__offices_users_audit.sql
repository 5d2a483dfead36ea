-- Offices of this installation: a kabupaten/kota office (Disdukcapil) and the kecamatan print points it serves.
create table office (
    id          bigint generated always as identity constraint pk_office primary key,
    code        varchar        not null constraint uq_office_code unique,
    name        varchar        not null,
    kind        varchar        not null constraint ck_office_kind check (kind in ('KABUPATEN_KOTA', 'KECAMATAN')),
    parent_id   bigint      constraint fk_office_parent references office (id),
    address     varchar        not null default '',
    created_at  timestamptz not null
);

-- People who use Cetak; every user belongs to one office.
create table app_user (
    id            bigint generated always as identity constraint pk_app_user primary key,
    office_id     bigint      not null constraint fk_app_user_office references office (id),
    username      varchar        not null constraint uq_app_user_username unique,
    display_name  varchar        not null,
    password_hash varchar        not null,
    enabled       boolean     not null default true,
    created_at    timestamptz not null
);

create table user_role (
    user_id bigint not null constraint fk_user_role_user references app_user (id),
    role    varchar   not null constraint ck_user_role_role check (role in
              ('COUNTER_OFFICER', 'OPERATOR', 'INVENTORY_MANAGER', 'SUPERVISOR', 'AUDITOR', 'ADMIN')),
    constraint pk_user_role primary key (user_id, role)
);

-- The audit trail: who did what, when, to what. Append-only like the ledger.
create table audit_event (
    id          bigint generated always as identity constraint pk_audit_event primary key,
    office_id   bigint      constraint fk_audit_event_office references office (id),
    actor       varchar        not null,
    action      varchar        not null,
    subject     varchar        not null,
    detail      varchar        not null default '',
    occurred_at timestamptz not null
);
create index ix_audit_event_occurred on audit_event (occurred_at);

-- [jooq ignore start]
create function refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op
        using errcode = 'P0001', hint = 'record a correcting entry instead';
end;
$$;

create trigger audit_event_append_only
    before update or delete on audit_event
    for each row execute function refuse_change();
create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function refuse_change();
-- [jooq ignore stop]
