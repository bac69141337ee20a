-- A back-office decision records the operator user's id (usr_…, 28 characters) as its decider, not only "engine"/"operator".
alter table kyc_applications alter column decided_by set data type varchar(40);
