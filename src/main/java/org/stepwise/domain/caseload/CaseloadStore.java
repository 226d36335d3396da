package org.stepwise.domain.caseload;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.stepwise.domain.audit.AuditLog;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactVersion;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.referral.Employment;
import org.stepwise.domain.referral.EndReason;
import org.stepwise.domain.referral.Referral;
import org.stepwise.domain.measure.ProblemDescriptor;
import org.stepwise.domain.referral.ReferralStatus;

/**
 * The open caseload store (a port: the store package implements it, the composition root wires it).
 * Every method is one transaction: it completes whole or changes nothing. Callers run it off the
 * FX thread. Failures are {@link StoreException}s whose messages name no patient; a change the
 * clinical or data rules refuse is an {@link IllegalArgumentException} with a plain message that
 * names no patient, and nothing is saved.
 */
public interface CaseloadStore extends AutoCloseable {

    PractitionerProfile profile();

    /** The practitioner's random id, made when the store was created (the export pseudonymises it). */
    String practitionerUid();

    /**
     * Opens a referral, with a new random UUID that stays its identity for life ({@link Referral#uuid()}).
     * When a patient with the same NHS number is already stored, the referral attaches to that patient
     * and the typed patient details are not applied.
     */
    ReferralCreated createReferral(Patient patient, NewReferral referral);

    Optional<Patient> findPatient(NhsNumber nhsNumber);

    /** The patient with this id, or empty when there is none. */
    Optional<Patient> patient(long patientId);

    /**
     * Changes a stored patient's demographics and contact details (found by {@code patient.id()}).
     * A changed NHS number must not belong to another patient. Returns the patient as stored.
     */
    Patient updatePatient(Patient patient);

    /** Every referral, open and ended, newest referral date first. */
    List<CaseloadRow> caseload();

    /** The referral with this id and its step history, or empty when there is none. */
    Optional<Referral> referral(long referralId);

    /**
     * The referral whose UUID this is (its identity wherever it goes: the pseudonym of an outcome file is
     * made from it, a handover carries it), as {@link #referral} gives it; empty when there is none.
     */
    Optional<Referral> referralByUuid(UUID uuid);

    /** A patient's referrals with their step histories, newest referral date first. */
    List<Referral> referralsOf(long patientId);

    /**
     * A referral's contacts by date, then by recording order (id). Each carries its scores in
     * {@link org.stepwise.domain.measure.MeasureCode} order and its risk review, or null.
     */
    List<Contact> contacts(long referralId);

    /** How many referrals the store holds, open and ended. */
    int referralCount();

    /**
     * The store's referrals in chunks, for reading all of them (the export): up to {@code limit} referrals
     * whose id is greater than {@code afterReferralId}, by id, each whole ({@link StoredReferral}: the
     * referral, its patient and its contacts exactly as {@link #referral}, {@link #patient} and
     * {@link #contacts} give them). One transaction per call: no change is seen half-made. Empty when no
     * referral comes after. The next chunk starts after the last id of this one.
     */
    List<StoredReferral> referralsAfter(long afterReferralId, int limit);

    /**
     * Records a contact with its scores and risk review in one transaction. With {@code id} null it
     * is a new contact; with {@code id} set it replaces that contact, its scores and its risk review
     * (the contact stays in its referral) and keeps the version it replaces in the contact's history
     * ({@link #contactHistory}). Refused, with nothing saved: a date before the referral
     * date, in the future, or after the end date of an ended referral; scores or a risk review on a
     * contact that was not attended; a score the measure catalogue does not accept; a PHQ-9 whose
     * item 9 is 1 or more without a risk review. Returns the contact as stored, with its id.
     */
    Contact saveContact(Contact contact);

    /** Deletes a contact with its scores and risk review, keeping the version it had in its history. */
    void deleteContact(long contactId);

    /**
     * The earlier versions of a contact, oldest first: one for each time it was replaced, and its last
     * version if it was deleted. Empty for a contact never changed (or never stored).
     */
    List<ContactVersion> contactHistory(long contactId);

    /**
     * Steps a referral up or down from {@code effectiveDate} on (step 2 or 3). The date is not
     * before the referral date, not in the future, and not after the end date of an ended referral.
     */
    void changeStep(long referralId, LocalDate effectiveDate, int step);

    /**
     * Records or corrects the referral's problem descriptor (the ICD-10 code of the provisional
     * diagnosis, usually known after assessment): it chooses the anxiety measure, and a referral
     * without one is left out of the outcome export.
     */
    void setProblemDescriptor(long referralId, ProblemDescriptor problem);

    /**
     * Records the patient's employment in this referral (replacing what was recorded): the status at
     * its start, at its end, and whether employment support was offered or received. Refused, with
     * nothing saved, where {@link Employment#problem} says so (a status at the end of an open referral).
     */
    void recordEmployment(long referralId, Employment employment);

    /**
     * Moves a referral along the pathway: any status but {@link ReferralStatus#ENDED} (use
     * {@link #endReferral}). Setting it on an ended referral reopens it and clears its ending, with the
     * employment status recorded at its end.
     */
    void setStatus(long referralId, ReferralStatus status);

    /**
     * Ends a referral (or corrects its ending). The end date is not before the referral date or
     * the referral's last contact, and not in the future.
     */
    void endReferral(long referralId, LocalDate endDate, EndReason reason);

    /**
     * Every referral as the clinical rules see it: key = the referral id in decimal, contacts in
     * recording order, recorded risk level = the level of the risk review at the latest contact
     * (by date, then recording order) that has one.
     */
    List<ReferralRecord> referralRecords();

    /**
     * The ended referrals (those with an end date) as the clinical rules see them, as in
     * {@link #referralRecords()}: what the expected recovery corridor is made from.
     */
    default List<ReferralRecord> endedReferralRecords() {
        return referralRecords().stream().filter(ReferralRecord::ended).toList();
    }

    /** One referral as the clinical rules see it (as in {@link #referralRecords()}), or empty. */
    Optional<ReferralRecord> referralRecord(long referralId);

    /**
     * Writes many patients at once, with their referrals (status, ending, step history and demo mark as
     * given) and contacts (recorded in list order): for demo data. One transaction with batched
     * inserts, so all of it is written or none. A patient whose NHS number is already stored, or
     * comes earlier in the list, keeps the details stored first and gets the referrals. Every
     * contact must pass the rules of {@link #saveContact}, and an ended referral's end date must not
     * come before its last contact.
     */
    ImportCounts importCaseload(List<PatientHistory> patients);

    /** A copy of the service's pseudonymisation key, or empty when none is stored yet. */
    Optional<byte[]> serviceKey();

    /**
     * Stores the service's pseudonymisation key (at least 32 bytes), replacing any earlier one.
     * {@code origin} is {@code "generated"} (made on this machine) or {@code "imported"} (given by
     * the service).
     */
    void saveServiceKey(byte[] key, String origin);

    /**
     * The referral for the patient screen: as {@link #referral}, and the view is written to the audit
     * log (which practitioner viewed which referral, when) in the same transaction.
     */
    Optional<Referral> viewReferral(long referralId);

    /** The store's append-only audit log. */
    AuditLog audit();

    /**
     * Writes an encrypted, consistent backup of the whole store to {@code file} (which must not exist):
     * it opens with the passphrase the store has now. The backup is written to the audit log.
     */
    void backupTo(Path file);

    /**
     * Why the last automatic backup (the day's first, {@link #dailyBackup}; the one on close, or {@link #backUpNow})
     * could not be written; empty when it was written or none was due. Still answers once the store is
     * closed: then it tells how the closing backup went.
     */
    default Optional<BackupFailure> automaticBackupFailure() {
        return Optional.empty();
    }

    /**
     * What the unlock's check of the audit log against its anchor found wrong (events removed from the
     * end of the log, the anchor missing, unreadable or not the one written), or empty when the log is
     * whole. The finding stands until the store is closed; it names no person. Store work.
     */
    default Optional<String> auditAnchorProblem() {
        return Optional.empty();
    }

    /**
     * What Stepwise finished or undid in the data folder when it opened this store, after an operation
     * was interrupted (a creation, a restore or a passphrase change stopped part way by a crash or a
     * kill), in one sentence; empty when there was nothing to do. It names no person.
     */
    default Optional<String> recovered() {
        return Optional.empty();
    }

    /**
     * Writes the day's first automatic backup when this unlock left it due (a store with automatic backups
     * that has none of today yet; at most once per unlock, never after close), and reports why the last
     * automatic backup failed, as {@link #automaticBackupFailure} does. The unlock leaves it for the window
     * to ask once the caseload is showing, so that the day's first open does not wait for a backup.
     */
    default Optional<BackupFailure> dailyBackup() {
        return automaticBackupFailure();
    }

    /**
     * Writes today's automatic backup now, in place of an earlier one of today, and reports the
     * failure, if any (which {@link #automaticBackupFailure} then gives too); empty when it was written.
     */
    default Optional<BackupFailure> backUpNow() {
        return Optional.of(new BackupFailure(BackupFailure.Occasion.ON_DEMAND,
                "this store keeps no automatic backups", "make one with stepwise backup"));
    }

    /**
     * The minutes of inactivity after which the window locks: the practitioner's setting, or
     * {@link org.stepwise.domain.practitioner.IdleLock#DEFAULT_MINUTES} until one is saved.
     */
    int idleLockMinutes();

    /** Saves the idle-lock minutes (refused, with nothing saved, outside 1 to 30). */
    void saveIdleLockMinutes(int minutes);

    /**
     * Checks a passphrase against this store's key check (for unlocking a locked window): returns when
     * it is the store's passphrase, throws {@link WrongPassphraseException} when not. Changes nothing;
     * the array is cleared.
     */
    void checkPassphrase(char[] passphrase) throws WrongPassphraseException;

    /**
     * Re-encrypts the store under a new passphrase (at least 12 characters). The store stays usable
     * throughout from the caller's view: it is closed, re-encrypted into a copy, the copy is opened and
     * checked, then it takes the place of the old file; the old file is kept aside until the new one
     * has opened, then removed. A wrong current passphrase throws {@link WrongPassphraseException} and
     * changes nothing; any other failure leaves the store under its old passphrase. Both arrays are
     * cleared.
     */
    void changePassphrase(char[] current, char[] next) throws WrongPassphraseException;

    /**
     * The contacts of a referral that were deleted: the last version of each (with who deleted it and
     * when), newest deletion first. Their earlier versions are in {@link #contactHistory}.
     */
    List<ContactVersion> deletedContacts(long referralId);

    @Override
    void close();
}
