-- An office sets itself up at its first run: its opening hours (the SMS sending window, the counter's day)
-- and its time zone (WIB, WITA or WIT: dates on its reports and console).
alter table office
    add column opening_hours varchar not null default '08.00-15.00',
    add column time_zone     varchar not null default 'Asia/Jakarta'
        constraint ck_office_time_zone check (time_zone in ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'));
