-- A printed card is printed again only with a supervisor's approval: each approved reprint is a
-- grant that one print job uses once.
create table reprint_grant (
    id           bigint generated always as identity constraint pk_reprint_grant primary key,
    office_id    bigint      not null constraint fk_reprint_grant_office references office (id),
    request_id   bigint      not null constraint fk_reprint_grant_request references print_request (id),
    approval_id  bigint      not null constraint uq_reprint_grant_approval unique,
    reason       varchar     not null,
    granted_at   timestamptz not null,
    used_by_job  bigint      constraint fk_reprint_grant_job references print_job (id)
);
create index ix_reprint_grant_open on reprint_grant (office_id, used_by_job);
