-- A card whose face cannot be drawn from its stored photo or signature (bytes no codec can read) is put
-- aside like a card without its photo: it waits here, takes no blank, and its payload is fetched again.
alter table payload_wait drop constraint ck_payload_wait_reason;
alter table payload_wait add constraint ck_payload_wait_reason check (reason in
    ('NO_UPSTREAM', 'UPSTREAM_UNAVAILABLE', 'UPSTREAM_REJECTED', 'NOT_FOUND_UPSTREAM',
     'NO_PHOTO_UPSTREAM', 'FACE_UNREADABLE'));
