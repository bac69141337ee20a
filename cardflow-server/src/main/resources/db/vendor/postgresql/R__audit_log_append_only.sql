-- PostgreSQL only (spring.flyway.locations adds db/vendor/{vendor}): the audit log refuses every update and delete,
-- whoever sends them. H2 has no SQL-bodied triggers; there the guarantee is that no code path writes anything but inserts.
create or replace function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % refused', tg_op;
end
$$;

drop trigger if exists audit_log_append_only on audit_log;
create trigger audit_log_append_only before update or delete on audit_log
    for each statement execute function audit_log_refuse_change();

-- TRUNCATE bypasses row and statement triggers of UPDATE/DELETE: refuse it too.
drop trigger if exists audit_log_no_truncate on audit_log;
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_refuse_change();
