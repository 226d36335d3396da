-- Stepwise schema, version 5: every row carries a keyed check (issue 19, ADR 0016).
-- row_check is the HMAC-SHA256, in lower-case hex, of the row's canonical form (org.stepwise.store.RowChecks)
-- under the store's row-check key, kept in row_check_key inside the encrypted store. A trigger computes it
-- on every INSERT and UPDATE, in the same transaction as the change, whichever code writes the row; every
-- read of a whole row and `stepwise verify` recompute it. A byte changed inside an encrypted page decrypts
-- to other bytes: the row then no longer matches its check and is reported as damaged, never shown as if
-- it were what was recorded. On audit_event the check covers previous_hash and hash too, so the audit
-- chain is keyed: rewriting and rehashing it needs the key.

CREATE TABLE row_check_key (
    id              INTEGER      NOT NULL PRIMARY KEY,
    key_bytes       VARBINARY(64) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT row_check_key_single_row CHECK (id = 1),
    CONSTRAINT row_check_key_length CHECK (OCTET_LENGTH(key_bytes) = 32)
);

ALTER TABLE practitioner_profile ADD COLUMN row_check VARCHAR(64);
ALTER TABLE service_key ADD COLUMN row_check VARCHAR(64);
ALTER TABLE app_setting ADD COLUMN row_check VARCHAR(64);
ALTER TABLE patient ADD COLUMN row_check VARCHAR(64);
ALTER TABLE referral ADD COLUMN row_check VARCHAR(64);
ALTER TABLE step_change ADD COLUMN row_check VARCHAR(64);
ALTER TABLE contact ADD COLUMN row_check VARCHAR(64);
ALTER TABLE score ADD COLUMN row_check VARCHAR(64);
ALTER TABLE risk_review ADD COLUMN row_check VARCHAR(64);
ALTER TABLE contact_version ADD COLUMN row_check VARCHAR(64);
ALTER TABLE audit_event ADD COLUMN row_check VARCHAR(64);

-- The code generator does not read H2 trigger statements; it only needs the tables.
-- [jooq ignore start]
INSERT INTO row_check_key (id, key_bytes, created_at) VALUES (1, SECURE_RAND(32), CURRENT_TIMESTAMP);
CREATE TRIGGER practitioner_profile_row_check BEFORE INSERT, UPDATE ON practitioner_profile FOR EACH ROW
    CALL 'org.stepwise.store.RowCheckTrigger';
CREATE TRIGGER service_key_row_check BEFORE INSERT, UPDATE ON service_key FOR EACH ROW
    CALL 'org.stepwise.store.RowCheckTrigger';
CREATE TRIGGER app_setting_row_check BEFORE INSERT, UPDATE ON app_setting FOR EACH ROW
    CALL 'org.stepwise.store.RowCheckTrigger';
CREATE TRIGGER patient_row_check BEFORE INSERT, UPDATE ON patient FOR EACH ROW
    CALL 'org.stepwise.store.RowCheckTrigger';
CREATE TRIGGER referral_row_check BEFORE INSERT, UPDATE ON referral FOR EACH ROW
    CALL 'org.stepwise.store.RowCheckTrigger';
CREATE TRIGGER step_change_row_check BEFORE INSERT, UPDATE ON step_change FOR EACH ROW
    CALL 'org.stepwise.store.RowCheckTrigger';
CREATE TRIGGER contact_row_check BEFORE INSERT, UPDATE ON contact FOR EACH ROW
    CALL 'org.stepwise.store.RowCheckTrigger';
CREATE TRIGGER score_row_check BEFORE INSERT, UPDATE ON score FOR EACH ROW
    CALL 'org.stepwise.store.RowCheckTrigger';
CREATE TRIGGER risk_review_row_check BEFORE INSERT, UPDATE ON risk_review FOR EACH ROW
    CALL 'org.stepwise.store.RowCheckTrigger';
CREATE TRIGGER contact_version_row_check BEFORE INSERT, UPDATE ON contact_version FOR EACH ROW
    CALL 'org.stepwise.store.RowCheckTrigger';

-- Existing rows get their checks now: each UPDATE fires the trigger, which computes the check.
UPDATE practitioner_profile SET row_check = NULL;
UPDATE service_key SET row_check = NULL;
UPDATE app_setting SET row_check = NULL;
UPDATE patient SET row_check = NULL;
UPDATE referral SET row_check = NULL;
UPDATE step_change SET row_check = NULL;
UPDATE contact SET row_check = NULL;
UPDATE score SET row_check = NULL;
UPDATE risk_review SET row_check = NULL;
UPDATE contact_version SET row_check = NULL;

-- The audit log refuses updates (V3); it is opened for this one update that adds the checks, then closed
-- again. Its trigger computes checks on INSERT only: an UPDATE stays refused.
DROP TRIGGER audit_event_no_update;
CREATE TRIGGER audit_event_row_check_once BEFORE UPDATE ON audit_event FOR EACH ROW
    CALL 'org.stepwise.store.RowCheckTrigger';
UPDATE audit_event SET row_check = NULL;
DROP TRIGGER audit_event_row_check_once;
CREATE TRIGGER audit_event_row_check BEFORE INSERT ON audit_event FOR EACH ROW
    CALL 'org.stepwise.store.RowCheckTrigger';
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW
    CALL 'org.stepwise.store.AuditAppendOnly';
-- [jooq ignore stop]
