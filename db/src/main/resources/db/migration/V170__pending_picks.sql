-- Jobs that have not picked their blank yet: the reservation
-- ceiling counts their blanks as held, so that the pick itself needs no check (ReservationCeiling).
-- [jooq ignore start]
create index ix_print_job_pending_pick on print_job (office_id) where stage = 'PICKING';
-- [jooq ignore stop]
