-- What every node checks its secrets against, never the secrets: the check value of the card-encryption key (an
-- HMAC of a constant under the key) and the SHA-256 of a generated operator key. The first node stores them.
create table key_verifiers (
    name        varchar(60)  primary key,
    verifier    varchar(128) not null,
    created_at  timestamp with time zone not null
);
