-- Spending controls of cards and customers (docs/transactions.md, "Spending controls"); a product's are in the catalog.
-- One row per owner, exactly one of card_id and customer_id. controls: the JSON object of the last PUT, read and
-- replaced whole. id (ctl_…) is the objectId of the controls' events and stays the same across replacements.
create table spending_controls (
    id          varchar(40) primary key,
    merchant_id varchar(40) not null references merchants (id),
    card_id     varchar(40) unique references cards (id),
    customer_id varchar(40) unique references customers (id),
    controls    text        not null,
    updated_at  timestamp with time zone not null,
    constraint spending_controls_one_owner check ((card_id is null) <> (customer_id is null))
);

-- The decline that controls in shadow mode would have made on an authorization they let pass (a DeclineCode).
alter table authorizations add column shadow_decline_code varchar(60);
