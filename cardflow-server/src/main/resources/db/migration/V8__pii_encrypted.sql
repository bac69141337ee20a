-- Customers' personal data (names, email, phone, date of birth, address but its country) moves into one value sealed
-- with AES-256-GCM, bound to the customer's id. The clear columns stay, emptied, for rows written before this
-- version: the server seals those at start, before it serves (they cannot be encrypted in SQL, which has no key).
alter table customers add column personal_data text;
alter table customers alter column email drop not null;
alter table customers alter column address_line1 drop not null;
alter table customers alter column address_city drop not null;
alter table customers alter column address_postal_code drop not null;
-- kyc_applications.submission keeps its column: its JSON is sealed in place (a sealed value starts with 'v1:',
-- a JSON object with '{').
