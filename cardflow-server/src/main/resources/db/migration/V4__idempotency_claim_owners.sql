-- A key in flight belongs to the server instance running its request (owner_instance, random per process start)
-- and to that one claim (claim_token): it is taken over only once its owner is known dead or the request has ended,
-- never after a timeout. Rows left by earlier versions have owner 0, which no live instance ever has.
alter table idempotency_keys add column owner_instance bigint not null default 0;
alter table idempotency_keys add column claim_token bigint not null default 0;
alter table idempotency_keys drop column locked_at;
