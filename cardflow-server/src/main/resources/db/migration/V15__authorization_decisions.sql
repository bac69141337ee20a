-- Real-time decisions (docs/transactions.md#real-time-decisions): how long the decision took, the merchant's metadata
-- (a JSON object of strings) and, when the stand-in decided, why the merchant's endpoint did not.
alter table authorizations add column decision_latency_ms integer;
alter table authorizations add column decision_metadata varchar(4000);
alter table authorizations add column stand_in_reason varchar(20);
-- What the decision approved before any increment: the amount asked for, or less when the merchant approved part of it.
alter table authorizations add column approved_amount bigint not null default 0;
update authorizations set approved_amount = amount where status <> 'declined';
alter table authorizations add constraint authorizations_stand_in_reason_check
    check ((decision_source = 'stand_in') = (stand_in_reason is not null)
           and stand_in_reason in ('timeout', 'error', 'invalid_answer'));

-- The merchant's enabled decision endpoint (its eventTypes name authorization.request): decides_for is the merchant's
-- id on that one endpoint, null on every other, so the unique constraint keeps it to one per merchant even when two
-- requests race.
alter table webhook_endpoints add column decides_for varchar(40);
alter table webhook_endpoints add constraint webhook_endpoints_one_decision_endpoint unique (decides_for);
