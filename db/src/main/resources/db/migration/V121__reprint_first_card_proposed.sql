-- The first card's outcome can come with the reprint's proposal: it waits beside the approval and is
-- recorded (spoiled with reason REPRINT, or LOST with the police report number) when the supervisor grants
-- the reprint, in the grant's transaction.
create table reprint_first_card_proposal (
    approval_id      bigint  constraint pk_reprint_first_card_proposal primary key
                             constraint fk_reprint_first_card_proposal_approval references approval (id),
    outcome          varchar not null constraint ck_reprint_first_card_proposal_outcome check (outcome in ('SPOILED', 'LOST')),
    chip_uid         varchar,
    serial           varchar,
    police_report_no varchar,
    constraint ck_reprint_first_card_proposal_lost check (outcome <> 'LOST' or police_report_no is not null)
);
