-- A signed report keeps its signatories as they were when they signed: the full name, NIP and position
-- (jabatan) of the person who proposed it, and of the supervisor who approved it, copied from their
-- accounts at that moment. A later change to an account does not change a report already signed.
alter table destruction_report
    add column proposer_name     varchar not null default '',
    add column proposer_nip      varchar not null default '',
    add column proposer_position varchar not null default '',
    add column approver_name     varchar,
    add column approver_nip      varchar,
    add column approver_position varchar;
alter table loss_report
    add column proposer_name     varchar not null default '',
    add column proposer_nip      varchar not null default '',
    add column proposer_position varchar not null default '',
    add column approver_name     varchar,
    add column approver_nip      varchar,
    add column approver_position varchar;

-- [jooq ignore start]
-- Reports signed before: the accounts' details as they are now, the best record there is. A proposer
-- without an account keeps the login the report names.
update destruction_report r
set proposer_name = coalesce(u.display_name, r.proposed_by),
    proposer_nip = coalesce(u.nip, ''),
    proposer_position = coalesce(u.position, '')
from destruction_report d
left join app_user u on u.username = d.proposed_by
where d.id = r.id;
update loss_report r
set proposer_name = coalesce(u.display_name, r.proposed_by),
    proposer_nip = coalesce(u.nip, ''),
    proposer_position = coalesce(u.position, '')
from loss_report l
left join app_user u on u.username = l.proposed_by
where l.id = r.id;
update destruction_report r
set approver_name = coalesce(u.display_name, a.decided_by),
    approver_nip = coalesce(u.nip, ''),
    approver_position = coalesce(u.position, '')
from approval a
left join app_user u on u.username = a.decided_by
where a.id = r.approval_id and a.status = 'APPROVED' and a.decided_by is not null;
update loss_report r
set approver_name = coalesce(u.display_name, a.decided_by),
    approver_nip = coalesce(u.nip, ''),
    approver_position = coalesce(u.position, '')
from approval a
left join app_user u on u.username = a.decided_by
where a.id = r.approval_id and a.status = 'APPROVED' and a.decided_by is not null;
-- [jooq ignore stop]
