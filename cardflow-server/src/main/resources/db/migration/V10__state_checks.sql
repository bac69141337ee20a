-- Each lifecycle's states, as its enum names them (ApplicationState, CardState, TopUpState, Authorization.Status):
-- a state outside them cannot be written, whatever the code does. The allowed transitions between them are checked
-- in one place per lifecycle in the code, together with the event of each change.
alter table kyc_applications add constraint kyc_applications_state_check
    check (state in ('SUBMITTED', 'MANUAL_REVIEW', 'APPROVED', 'REJECTED'));
alter table cards add constraint cards_state_check
    check (state in ('PENDING', 'ACTIVE', 'FAILED', 'SUSPENDED', 'CLOSED'));
alter table topups add constraint topups_state_check
    check (state in ('PENDING', 'APPROVED', 'REJECTED'));
alter table authorizations add constraint authorizations_status_check
    check (status in ('approved', 'declined'));
