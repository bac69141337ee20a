-- The watch-list evidence: the entries the verification engine matched when it screened an application, kept with the
-- application so that the back office shows what the decision was made on, not a new screening against today's list.
-- screened_at is set when the engine's verdict is recorded: null on an application decided before V18 (no evidence kept).
alter table kyc_applications add column screened_at timestamp with time zone;

create table kyc_watchlist_hits (
    application_id  varchar(40)  not null references kyc_applications (id),
    hit_number      integer      not null,
    entry_reference varchar(100) not null,
    entry_name      varchar(300) not null,
    entry_type      varchar(12)  not null,
    score           double precision not null,
    exact_match     boolean      not null,
    -- The applicant's (or beneficial owner's, or business's) name that matched: personal data, sealed like the submission.
    screened_name   text         not null,
    constraint kyc_watchlist_hits_pk primary key (application_id, hit_number)
);

-- When a user last logged in, for the back office's users page; null until their first log-in after V18.
alter table users add column last_login_at timestamp with time zone;
