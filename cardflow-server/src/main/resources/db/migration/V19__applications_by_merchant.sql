-- The merchant portal lists a merchant's applications newest first (all, or of one status): read through this index
-- instead of the whole table.
create index kyc_applications_merchant_seq_idx on kyc_applications (merchant_id, seq);
