-- Where a request stands in its office's queue ("why not me yet?") answered from counts kept as the
-- queue changes, instead of evaluating the priority policy's tier over the whole eligible queue.
-- The eligible requests (queued, print-ready, with a photo) are counted per tier, Suket key and day
-- of their print-ready time (UTC), and per tier and Suket key; the requests ahead of one are the sums
-- of the buckets before its own and a range of the eligible-queue index within its own day.
--
-- The tier of a request depends on the policy in force and on the day (ages, date windows), so the
-- counts hold for one policy version and one day: queue_count_state says which. The application
-- rebuilds an office's rules and counts when they are not those of today's policy (and reads the
-- queue itself until then); between rebuilds the triggers below keep them, in the transaction that
-- changes the requests.

create table queue_count_state (
    office_id      bigint  not null constraint fk_queue_count_state_office references office (id),
    policy_version integer not null,
    tier_day       date    not null,
    constraint pk_queue_count_state primary key (office_id)
);

-- The rules of the policy version in force, as they stand on tier_day, in the order the policy
-- tries them (the first that matches places the request): a null condition holds always.
create table queue_count_rule (
    office_id         bigint  not null constraint fk_queue_count_rule_state
                              references queue_count_state (office_id) on delete cascade,
    ordinal           integer not null,
    tier              integer not null,
    reasons           varchar[],
    urgent            boolean,
    vulnerable        boolean,
    disabled          boolean,
    born_on_or_before date,
    born_after        date,
    constraint pk_queue_count_rule primary key (office_id, ordinal)
);

create table queue_count_day (
    office_id bigint  not null constraint fk_queue_count_day_state
                      references queue_count_state (office_id) on delete cascade,
    tier      integer not null,
    suket_key date    not null,
    ready_day date    not null,
    n         bigint  not null,
    constraint pk_queue_count_day primary key (office_id, tier, suket_key, ready_day)
);

create table queue_count_suket (
    office_id bigint  not null constraint fk_queue_count_suket_state
                      references queue_count_state (office_id) on delete cascade,
    tier      integer not null,
    suket_key date    not null,
    n         bigint  not null,
    constraint pk_queue_count_suket primary key (office_id, tier, suket_key)
);

-- [jooq ignore start]
create type queue_count_delta as (
    office_id  bigint,
    d          integer,
    reason     varchar,
    urgent     boolean,
    vulnerable boolean,
    disabled   boolean,
    birth_date date,
    suket_key  date,
    ready_day  date
);

-- Applies one statement's change of the eligible queue: the rows that became eligible count +1 in
-- their buckets, those that stopped being eligible -1 (an update that changes a counted field does
-- both). The offices' state rows are share-locked first, so a rebuild (which locks its office's row
-- for update) sees every change committed before it and every change after it is counted on top.
create function queue_count_apply(deltas queue_count_delta[]) returns void language plpgsql as $$
declare
    applied bigint;
begin
    perform 1 from queue_count_state s
    where s.office_id in (select office_id from unnest(deltas))
    order by s.office_id
    for share;
    with placed as (
        select c.office_id, t.tier, c.suket_key, c.ready_day, sum(c.d) as n
        from unnest(deltas) c
        join lateral (
            select q.tier from queue_count_rule q
            where q.office_id = c.office_id
              and (q.reasons is null or c.reason = any (q.reasons))
              and (q.urgent is null or q.urgent = c.urgent)
              and (q.vulnerable is null or q.vulnerable = c.vulnerable)
              and (q.disabled is null or q.disabled = c.disabled)
              and (q.born_on_or_before is null or c.birth_date <= q.born_on_or_before)
              and (q.born_after is null or c.birth_date > q.born_after)
            order by q.ordinal
            limit 1) t on true
        group by c.office_id, t.tier, c.suket_key, c.ready_day
        having sum(c.d) <> 0),
    days as (
        insert into queue_count_day (office_id, tier, suket_key, ready_day, n)
        select office_id, tier, suket_key, ready_day, n from placed
        order by office_id, tier, suket_key, ready_day
        on conflict (office_id, tier, suket_key, ready_day)
            do update set n = queue_count_day.n + excluded.n
        returning 1),
    sukets as (
        insert into queue_count_suket (office_id, tier, suket_key, n)
        select office_id, tier, suket_key, sum(n) from placed
        group by office_id, tier, suket_key
        having sum(n) <> 0
        order by office_id, tier, suket_key
        on conflict (office_id, tier, suket_key)
            do update set n = queue_count_suket.n + excluded.n
        returning 1)
    select (select count(*) from days) + (select count(*) from sukets) into applied;
end
$$;

-- The eligible rows a statement inserted, changed or deleted, of offices whose queue is counted.
create function queue_count_change() returns trigger language plpgsql as $$
declare
    deltas queue_count_delta[];
begin
    if tg_op = 'INSERT' then
        select array_agg(row(n.office_id, 1, n.reason, n.urgent_reason is not null, n.vulnerable,
                             n.disabled, n.birth_date, coalesce(n.suket_date, date '9999-12-31'),
                             (n.siak_status_at at time zone 'UTC')::date)::queue_count_delta)
        into deltas
        from queue_count_new n
        where n.status = 'QUEUED' and n.siak_status = 'PRINT_READY_RECORD' and n.has_photo
          and n.office_id in (select office_id from queue_count_state);
    elsif tg_op = 'UPDATE' then
        select array_agg(c) into deltas from (
            select row(n.office_id, 1, n.reason, n.urgent_reason is not null, n.vulnerable,
                       n.disabled, n.birth_date, coalesce(n.suket_date, date '9999-12-31'),
                       (n.siak_status_at at time zone 'UTC')::date)::queue_count_delta as c
            from queue_count_new n
            where n.status = 'QUEUED' and n.siak_status = 'PRINT_READY_RECORD' and n.has_photo
              and n.office_id in (select office_id from queue_count_state)
            union all
            select row(o.office_id, -1, o.reason, o.urgent_reason is not null, o.vulnerable,
                       o.disabled, o.birth_date, coalesce(o.suket_date, date '9999-12-31'),
                       (o.siak_status_at at time zone 'UTC')::date)::queue_count_delta
            from queue_count_old o
            where o.status = 'QUEUED' and o.siak_status = 'PRINT_READY_RECORD' and o.has_photo
              and o.office_id in (select office_id from queue_count_state)) changed;
    else
        select array_agg(row(o.office_id, -1, o.reason, o.urgent_reason is not null, o.vulnerable,
                             o.disabled, o.birth_date, coalesce(o.suket_date, date '9999-12-31'),
                             (o.siak_status_at at time zone 'UTC')::date)::queue_count_delta)
        into deltas
        from queue_count_old o
        where o.status = 'QUEUED' and o.siak_status = 'PRINT_READY_RECORD' and o.has_photo
          and o.office_id in (select office_id from queue_count_state);
    end if;
    if deltas is not null then
        perform queue_count_apply(deltas);
    end if;
    return null;
end
$$;

create trigger tr_print_request_queue_count_insert after insert on print_request
    referencing new table as queue_count_new
    for each statement execute function queue_count_change();
create trigger tr_print_request_queue_count_update after update on print_request
    referencing old table as queue_count_old new table as queue_count_new
    for each statement execute function queue_count_change();
create trigger tr_print_request_queue_count_delete after delete on print_request
    referencing old table as queue_count_old
    for each statement execute function queue_count_change();

-- Emptied requests leave no counts: the offices are rebuilt when next asked.
create function queue_count_forget() returns trigger language plpgsql as $$
begin
    delete from queue_count_state;
    return null;
end
$$;

create trigger tr_print_request_queue_count_truncate after truncate on print_request
    for each statement execute function queue_count_forget();
-- [jooq ignore stop]
