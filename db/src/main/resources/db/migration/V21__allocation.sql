-- Allocation: the priority policy as versioned data, allocation runs, and the reservations they make.

-- A version of an office's priority policy. The newest version is in force; older ones are kept so every
-- reservation can say which policy granted it. Versions are never changed, only superseded.
create table priority_policy (
    id             bigint generated always as identity constraint pk_priority_policy primary key,
    office_id      bigint      not null constraint fk_priority_policy_office references office (id),
    version        integer     not null,
    -- most cards to print per day (null = no cap)
    daily_cap      integer     constraint ck_priority_policy_cap check (daily_cap is null or daily_cap >= 0),
    -- blanks held back for urgent walk-ins a supervisor approves
    urgent_reserve integer     not null constraint ck_priority_policy_reserve check (urgent_reserve >= 0),
    note           varchar     not null default '',
    created_by     varchar     not null,
    created_at     timestamptz not null,
    constraint uq_priority_policy_version unique (office_id, version)
);

-- An ordered tier of a policy: tier 1 is served first.
create table priority_tier (
    policy_id bigint  not null constraint fk_priority_tier_policy references priority_policy (id),
    tier      integer not null constraint ck_priority_tier_tier check (tier >= 1),
    name      varchar not null,
    constraint pk_priority_tier primary key (policy_id, tier)
);

-- A rule puts a request into its tier when every condition it sets holds (a null condition holds always).
create table priority_rule (
    id          bigint generated always as identity constraint pk_priority_rule primary key,
    policy_id   bigint  not null,
    tier        integer not null,
    seq         integer not null,
    name        varchar not null,
    -- comma-separated request reasons (FIRST_CARD, ...); null = any
    reasons     varchar,
    urgent      boolean,
    vulnerable  boolean,
    disabled    boolean,
    -- age in whole years on age_on (null = the day of the run)
    min_age     integer,
    max_age     integer,
    age_on      date,
    -- the rule applies only on these days (inclusive)
    valid_from  date,
    valid_until date,
    constraint fk_priority_rule_tier foreign key (policy_id, tier) references priority_tier (policy_id, tier),
    constraint uq_priority_rule_position unique (policy_id, tier, seq),
    constraint uq_priority_rule_name unique (policy_id, name)
);

-- One row per office; an allocation run locks it, so only one run per office runs at a time on any node.
create table allocation_state (
    office_id   bigint      not null constraint pk_allocation_state primary key
                            constraint fk_allocation_state_office references office (id),
    last_run_id bigint,
    updated_at  timestamptz not null
);

create table allocation_run (
    id               bigint generated always as identity constraint pk_allocation_run primary key,
    office_id        bigint      not null constraint fk_allocation_run_office references office (id),
    triggered_by     varchar     not null,
    actor            varchar     not null,
    policy_version   integer     not null,
    started_at       timestamptz not null,
    finished_at      timestamptz,
    -- blanks in the vault and feeders when the run started
    available        bigint      not null default 0,
    -- blanks already held by earlier reservations that are not printed yet
    held             bigint      not null default 0,
    urgent_reserve   integer     not null default 0,
    daily_cap        integer,
    printed_today    integer     not null default 0,
    queued           integer     not null default 0,
    granted          integer     not null default 0,
    released         integer     not null default 0
);
create index ix_allocation_run_office on allocation_run (office_id, id);

-- A blank held for one request. Released when the request is withdrawn; consumed when its card is printed.
-- A failed card keeps the reservation (the request goes back to the queue with its priority).
create table reservation (
    id             bigint generated always as identity constraint pk_reservation primary key,
    request_id     bigint      not null constraint fk_reservation_request references print_request (id),
    office_id      bigint      not null constraint fk_reservation_office references office (id),
    run_id         bigint      constraint fk_reservation_run references allocation_run (id),
    tier           integer     not null,
    rule           varchar     not null,
    queue_rank     integer     not null,
    policy_version integer     not null,
    reserved_at    timestamptz not null,
    approved_by    varchar,
    released_at    timestamptz,
    release_reason varchar,
    consumed_at    timestamptz
);
create index ix_reservation_request on reservation (request_id);
create index ix_reservation_run on reservation (run_id);

-- Where the pull from the upstream registry stopped, per office.
create table upstream_cursor (
    office_id  bigint      not null constraint pk_upstream_cursor primary key
                           constraint fk_upstream_cursor_office references office (id),
    position   varchar     not null,
    updated_at timestamptz not null
);

-- [jooq ignore start]
create unique index uq_reservation_active on reservation (request_id)
    where released_at is null and consumed_at is null;
-- [jooq ignore stop]
