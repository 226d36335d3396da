-- Stepwise schema, version 3: the audit log is append-only.
-- Stepwise has no code that updates or deletes audit rows; this trigger makes the database itself
-- refuse an UPDATE or DELETE on audit_event (org.stepwise.store.AuditAppendOnly throws). Removing
-- the trigger needs the store key; the hash chain then still shows which row was changed (see
-- docs/security.md).

-- The code generator does not read H2 trigger statements; it only needs the tables.
-- [jooq ignore start]
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW
    CALL 'org.stepwise.store.AuditAppendOnly';
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event FOR EACH ROW
    CALL 'org.stepwise.store.AuditAppendOnly';
-- [jooq ignore stop]
