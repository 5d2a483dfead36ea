-- Before V172 a card rejected at the print room's check was printed again as a reprint (reprint true,
-- its last event "printed again: ..."), though no supervisor approved it: the request went back to the
-- queue because its card never left the room. Such jobs are ordinary prints that replace the rejected
-- card, as V172 records them now. A job is one of them when it
--   * is marked reprint and names no card it replaces,
--   * used no supervisor's reprint grant,
--   * follows a printed job of its request whose card the check rejected, that job being the last
--     printed one of the request before it,
--   * and no job between the two used a reprint grant (then it is that approved reprint printed again).
-- Its history is left as it was written: the correction is this migration's.
-- [jooq ignore start]
alter table print_job disable trigger tr_print_job_event;
with corrected as (
    select j.id, (select max(p.id) from print_job p
                  where p.request_id = j.request_id and p.id < j.id and p.stage = 'PRINTED') as replaced
    from print_job j
    where j.reprint
      and j.replaces_job_id is null
      and not exists (select 1 from reprint_grant g where g.used_by_job = j.id)
)
update print_job j
set reprint = false, replaces_job_id = c.replaced
from corrected c
where j.id = c.id
  and c.replaced is not null
  and exists (select 1 from card_check k where k.print_job_id = c.replaced and k.status = 'REJECTED')
  and not exists (
      select 1 from print_job g
      join reprint_grant rg on rg.used_by_job = g.id
      where g.request_id = j.request_id and g.id > c.replaced and g.id < j.id);
alter table print_job enable trigger tr_print_job_event;
-- [jooq ignore stop]
