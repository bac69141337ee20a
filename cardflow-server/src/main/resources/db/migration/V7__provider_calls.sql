-- The card processor is asked outside any transaction (docs/cards.md). What we asked it is written down before the
-- call, so that a repeat (a retried job, the janitor after a crash) asks the same question with the same key:
-- issuance_step REQUESTED = the processor may have acted and its answer is not recorded yet; ANSWERED = recorded.
-- issuance_attempt is part of the idempotency key: it grows only when the processor answered a number already in use.
alter table cards add column issuance_step varchar(20) default 'REQUESTED' not null;
alter table cards add column issuance_attempt integer default 1 not null;
alter table cards add column issuance_requested_at timestamp with time zone;
update cards set issuance_step = 'ANSWERED' where state <> 'PENDING';
update cards set issuance_requested_at = created_at;
alter table cards alter column issuance_requested_at set not null;
create index cards_issuance_step_idx on cards (issuance_step, issuance_requested_at);
