-- A card is never printed with a placeholder face: a request whose biometric payload was deleted after
-- an earlier print (a reprint) or never came is fetched again from the upstream registry before it takes
-- a blank. While the registry cannot give it, the request waits here with the reason, for the printers
-- page; the row goes once the payload is stored or the request leaves the print queue.
create table payload_wait (
    request_id    bigint      not null constraint pk_payload_wait primary key
                    constraint fk_payload_wait_request references print_request (id),
    office_id     bigint      not null constraint fk_payload_wait_office references office (id),
    reason        varchar     not null constraint ck_payload_wait_reason check (reason in
                    ('NO_UPSTREAM', 'UPSTREAM_UNAVAILABLE', 'UPSTREAM_REJECTED', 'NOT_FOUND_UPSTREAM',
                     'NO_PHOTO_UPSTREAM')),
    detail        varchar     not null,
    since         timestamptz not null,
    last_tried_at timestamptz not null,
    tries         integer     not null constraint ck_payload_wait_tries check (tries > 0)
);
create index ix_payload_wait_office on payload_wait (office_id, since);
