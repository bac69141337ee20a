-- The log's order (the cursor of GET /api/v1/events) is the order in which events became readable, not the order of
-- their inserts: two transactions committing at once could make an event with a lower seq readable after a reader
-- had moved past a higher one, and it was skipped. position is given only to committed events, by one sequencer at a
-- time (it holds the event_positions row), so an event that commits late is placed after everything already readable.
-- seq stays the insertion order: the order in which one sequencer run places what it finds.
alter table events add column position bigint;
update events set position = seq;
create unique index events_position_idx on events (position);
create index events_merchant_position_idx on events (merchant_id, position);
create index events_merchant_type_position_idx on events (merchant_id, type, position);
drop index events_merchant_seq_idx;
drop index events_merchant_type_seq_idx;

create table event_positions (
    id            integer primary key check (id = 1),
    last_position bigint  not null
);
insert into event_positions (id, last_position) select 1, coalesce(max(seq), 0) from events;
