-- A chip UID belongs to one card. A job whose chip was written for a card that is printed or being
-- printed (PRINTING, PRINTED, or its print's outcome unknown) holds its UID alone: the print station
-- refuses a chip whose UID another such job holds (the card is rejected to the spoiled pile with its
-- UID), and this index makes sure two stations encoding at once cannot both record it, before either
-- card is printed. Jobs recorded before it with a UID an earlier job already held (a restarted demo's
-- simulated printers began their UIDs again) stay as they were recorded: the index covers every job
-- after the last of them.
-- [jooq ignore start]
create index ix_print_job_chip_uid on print_job (chip_uid) where chip_uid <> '';
do $$
declare
    last_repeat bigint;
begin
    select coalesce(max(j.id), 0) into last_repeat
    from print_job j
    where j.chip_uid <> ''
      and (j.stage in ('PRINTING', 'PRINTED') or (j.stage = 'UNKNOWN' and j.resume_stage = 'PRINTING'))
      and exists (
          select 1 from print_job o
          where o.id < j.id
            and o.chip_uid = j.chip_uid
            and (o.stage in ('PRINTING', 'PRINTED') or (o.stage = 'UNKNOWN' and o.resume_stage = 'PRINTING')));
    execute format(
        'create unique index uq_print_job_chip_uid on print_job (chip_uid)'
        ' where chip_uid <> '''' and id > %s'
        ' and (stage in (''PRINTING'', ''PRINTED'') or (stage = ''UNKNOWN'' and resume_stage = ''PRINTING''))',
        last_repeat);
end
$$;
-- [jooq ignore stop]
