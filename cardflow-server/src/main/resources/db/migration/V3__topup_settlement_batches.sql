-- A settlement batch takes a merchant's pending top-ups oldest first: the index serves that order and its limit.
drop index topups_merchant_state_idx;
create index topups_merchant_state_seq_idx on topups (merchant_id, state, seq);
