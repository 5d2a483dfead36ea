-- Two-person approvals: one user proposes, a different user (a supervisor) approves or rejects.
-- Used for write-offs, destruction reports and, later, reprints.
create table approval (
    id            bigint generated always as identity constraint pk_approval primary key,
    office_id     bigint      not null constraint fk_approval_office references office (id),
    kind          varchar     not null,
    subject_id    bigint,
    summary       varchar     not null,
    payload       varchar     not null default '',
    status        varchar     not null constraint ck_approval_status check (status in ('PROPOSED', 'APPROVED', 'REJECTED')),
    proposed_by   varchar     not null,
    proposed_at   timestamptz not null,
    decided_by    varchar,
    decided_at    timestamptz,
    decision_note varchar     not null default '',
    constraint ck_approval_two_people check (decided_by is null or decided_by <> proposed_by)
);
create index ix_approval_office_status on approval (office_id, status);
