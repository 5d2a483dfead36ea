-- Rows written before V176 and V183 kept why a print station halted a printer, or why a card's
-- outcome was unknown, as English sentences. They get the stable code (HaltCause) the console words,
-- with the device's own text as their reason, as a station writes them now.

-- Data only: nothing here for the generated classes.
-- [jooq ignore start]
-- The cause of a card of unknown outcome, from what the station wrote of why.
create function pg_temp.unknown_cause(why varchar) returns varchar language sql immutable as $$
    select case
        when why ~ '^(the )?printer does not answer' or why like '%; then no status: %'
            then 'CARD_UNKNOWN_NO_ANSWER'
        when why like 'card expected at the chip station, printer reports %'
            then 'CARD_NOT_AT_CHIP'
        when why ~ '^no command of \S+ to send again$' or why like 'no node drives the printer%'
            then 'CARD_UNKNOWN'
        else 'CARD_UNKNOWN_COUNTERS'
    end
$$;

-- A request's move to outcome unknown: "outcome unknown: <why>".
update print_request_event
   set cause = pg_temp.unknown_cause(substr(reason, 18)),
       reason = substr(reason, 18)
 where cause is null
   and to_status = 'OUTCOME_UNKNOWN'
   and reason ~ '^outcome unknown: .';

-- A printer a station halted, of no cause yet: each form the station wrote.
update printer
   set mode_cause = 'CARD_STILL_UNKNOWN',
       mode_reason = regexp_replace(mode_reason,
           '^outcome of job (\d+) unknown \((.+)\): settle its card first$', 'job \1: \2')
 where mode_cause is null
   and mode_reason ~ '^outcome of job \d+ unknown \(.+\): settle its card first$';

update printer
   set mode_cause = pg_temp.unknown_cause(regexp_replace(mode_reason,
           '^outcome of job \d+ unknown: (.+)$', '\1')),
       mode_reason = regexp_replace(mode_reason, '^outcome of job (\d+) unknown: (.+)$', 'job \1: \2')
 where mode_cause is null
   and mode_reason ~ '^outcome of job \d+ unknown: .';

update printer
   set mode_cause = pg_temp.unknown_cause(substr(mode_reason, 18)),
       mode_reason = substr(mode_reason, 18)
 where mode_cause is null
   and mode_reason ~ '^outcome unknown: .';

update printer
   set mode_cause = 'KEEPS_NOT_ANSWERING',
       mode_reason = regexp_replace(mode_reason, '^printer keeps not answering: ', '')
 where mode_cause is null
   and mode_reason ~ '^printer keeps not answering: .';

update printer
   set mode_cause = 'NOT_ANSWERING',
       mode_reason = regexp_replace(mode_reason, '^printer does not answer: ', '')
 where mode_cause is null
   and mode_reason ~ '^printer does not answer: .';

update printer
   set mode_cause = 'UNKNOWN_CARD_INSIDE',
       mode_reason = regexp_replace(mode_reason,
           '^a card no job knows of is inside \((\S+)\): take it out and record it, then resume$',
           'card at \1')
 where mode_cause is null
   and mode_reason ~ '^a card no job knows of is inside \(\S+\): take it out and record it, then resume$';

update printer
   set mode_cause = 'ENCODER_UNAVAILABLE',
       mode_reason = regexp_replace(mode_reason, '^chip encoder unavailable \(([^)]+)\): (.*)$', '\1: \2')
 where mode_cause is null
   and mode_reason ~ '^chip encoder unavailable \([^)]+\): ';

update printer
   set mode_cause = 'PICK_COUNTER_AHEAD',
       mode_reason = regexp_replace(mode_reason,
           '^the printer picked \d+ blank\(s\) no print job recorded \(pick counter (\d+), recorded (\d+)\): .*$',
           'pick counter \1, recorded by the print jobs \2')
 where mode_cause is null
   and mode_reason ~ '^the printer picked \d+ blank\(s\) no print job recorded \(pick counter \d+, recorded \d+\): ';

drop function pg_temp.unknown_cause(varchar);
-- [jooq ignore stop]
