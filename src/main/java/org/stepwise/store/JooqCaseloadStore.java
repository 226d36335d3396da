package org.stepwise.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.stepwise.domain.audit.AuditLog;
import org.stepwise.domain.caseload.BackupFailure;
import org.stepwise.domain.caseload.CaseloadRow;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.HandoverAccepted;
import org.stepwise.domain.caseload.HandoverContents;
import org.stepwise.domain.caseload.HandoverMark;
import org.stepwise.domain.caseload.ImportCounts;
import org.stepwise.domain.caseload.NewReferral;
import org.stepwise.domain.caseload.PatientHistory;
import org.stepwise.domain.caseload.ReferralCreated;
import org.stepwise.domain.caseload.StoredReferral;
import org.stepwise.domain.caseload.WrongPassphraseException;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactRules;
import org.stepwise.domain.contact.ContactVersion;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.ProblemDescriptor;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.referral.Employment;
import org.stepwise.domain.referral.EndReason;
import org.stepwise.domain.referral.Referral;
import org.stepwise.domain.referral.ReferralRules;
import org.stepwise.domain.referral.ReferralStatus;

/**
 * The open caseload store over jOOQ and the encrypted H2 database: the composition of one repository per port
 * ({@link JooqPatientStore}, {@link JooqReferralStore}, {@link JooqContactStore}, {@link JooqCaseloadReads},
 * {@link JooqSettingsStore}, {@link JooqMaintenanceStore}, {@link JooqAuditLog}) over one {@link StoreSession},
 * which runs every public method as one transaction on the store's single connection, under one lock (a call
 * from a second thread waits rather than interleaving), with its errors mapped once. A write returns only once
 * its transaction is committed and on disk. Contacts are checked against the measure catalogue the store was
 * opened with, and every change against the domain's rules with the store's clock.
 */
final class JooqCaseloadStore implements CaseloadStore {

    private final StoreSession session;
    private final JooqPatientStore patients;
    private final JooqReferralStore referrals;
    private final JooqContactStore contacts;
    private final JooqCaseloadReads reads;
    private final JooqSettingsStore settings;
    private final JooqMaintenanceStore maintenance;
    private final JooqAuditLog audit;
    private final JooqHandoverStore handovers;
    private final AutomaticBackups backups;

    JooqCaseloadStore(Database database, MeasureCatalogue catalogue, Clock clock) {
        session = new StoreSession(database, clock);
        ContactRules contactRules = new ContactRules(catalogue, clock);
        ReferralRules referralRules = new ReferralRules(clock);
        audit = new JooqAuditLog(session);
        backups = new AutomaticBackups(session, audit);
        CaseloadImport importer = new CaseloadImport(contactRules, referralRules);
        patients = new JooqPatientStore(session, importer);
        referrals = new JooqReferralStore(session, referralRules);
        contacts = new JooqContactStore(session, contactRules, new ContactRows(catalogue));
        reads = new JooqCaseloadReads(session, catalogue);
        settings = new JooqSettingsStore(session, audit);
        maintenance = new JooqMaintenanceStore(session, audit, backups, catalogue, database.recovered());
        handovers = new JooqHandoverStore(session, importer, new ContactRows(catalogue));
    }

    // ---- handovers

    @Override
    public <T> T handOver(UUID referralUuid, String colleague, String fileId, FileWriter<T> writer) {
        return handovers.handOver(referralUuid, colleague, fileId, writer);
    }

    @Override
    public HandoverAccepted accept(HandoverContents contents) {
        return handovers.accept(contents);
    }

    @Override
    public void recordRefusedHandover(String reason) {
        handovers.recordRefusedHandover(reason);
    }

    @Override
    public Optional<HandoverMark> handoverMark(long referralId) {
        return handovers.handoverMark(referralId);
    }

    @Override
    public List<UUID> referralUuids() {
        return handovers.referralUuids();
    }

    // ---- patients

    @Override
    public Optional<Patient> findPatient(NhsNumber nhsNumber) {
        return patients.findPatient(nhsNumber);
    }

    @Override
    public Optional<Patient> patient(long patientId) {
        return patients.patient(patientId);
    }

    @Override
    public Patient updatePatient(Patient patient) {
        return patients.updatePatient(patient);
    }

    @Override
    public ImportCounts importCaseload(List<PatientHistory> histories) {
        return patients.importCaseload(histories);
    }

    // ---- referrals

    @Override
    public ReferralCreated createReferral(Patient patient, NewReferral referral) {
        return referrals.createReferral(patient, referral);
    }

    @Override
    public Optional<Referral> referral(long referralId) {
        return referrals.referral(referralId);
    }

    @Override
    public Optional<Referral> referralByUuid(UUID uuid) {
        return referrals.referralByUuid(uuid);
    }

    @Override
    public Optional<Referral> viewReferral(long referralId) {
        return referrals.viewReferral(referralId);
    }

    @Override
    public List<Referral> referralsOf(long patientId) {
        return referrals.referralsOf(patientId);
    }

    @Override
    public void changeStep(long referralId, LocalDate effectiveDate, int step) {
        referrals.changeStep(referralId, effectiveDate, step);
    }

    @Override
    public void setProblemDescriptor(long referralId, ProblemDescriptor problem) {
        referrals.setProblemDescriptor(referralId, problem);
    }

    @Override
    public void recordEmployment(long referralId, Employment employment) {
        referrals.recordEmployment(referralId, employment);
    }

    @Override
    public void setStatus(long referralId, ReferralStatus status) {
        referrals.setStatus(referralId, status);
    }

    @Override
    public void endReferral(long referralId, LocalDate endDate, EndReason reason) {
        referrals.endReferral(referralId, endDate, reason);
    }

    // ---- contacts

    @Override
    public List<Contact> contacts(long referralId) {
        return contacts.contacts(referralId);
    }

    @Override
    public Contact saveContact(Contact contact) {
        return contacts.saveContact(contact);
    }

    @Override
    public void deleteContact(long contactId) {
        contacts.deleteContact(contactId);
    }

    @Override
    public List<ContactVersion> contactHistory(long contactId) {
        return contacts.contactHistory(contactId);
    }

    @Override
    public List<ContactVersion> deletedContacts(long referralId) {
        return contacts.deletedContacts(referralId);
    }

    // ---- the caseload read across them

    @Override
    public List<CaseloadRow> caseload() {
        return reads.caseload();
    }

    @Override
    public int referralCount() {
        return reads.referralCount();
    }

    @Override
    public List<StoredReferral> referralsAfter(long afterReferralId, int limit) {
        return reads.referralsAfter(afterReferralId, limit);
    }

    @Override
    public List<ReferralRecord> referralRecords() {
        return reads.referralRecords();
    }

    @Override
    public List<ReferralRecord> endedReferralRecords() {
        return reads.endedReferralRecords();
    }

    @Override
    public Optional<ReferralRecord> referralRecord(long referralId) {
        return reads.referralRecord(referralId);
    }

    // ---- settings

    @Override
    public PractitionerProfile profile() {
        return settings.profile();
    }

    @Override
    public String practitionerUid() {
        return settings.practitionerUid();
    }

    @Override
    public Optional<byte[]> serviceKey() {
        return settings.serviceKey();
    }

    @Override
    public void saveServiceKey(byte[] key, String origin) {
        settings.saveServiceKey(key, origin);
    }

    @Override
    public int idleLockMinutes() {
        return settings.idleLockMinutes();
    }

    @Override
    public void saveIdleLockMinutes(int minutes) {
        settings.saveIdleLockMinutes(minutes);
    }

    @Override
    public void checkPassphrase(char[] passphrase) throws WrongPassphraseException {
        settings.checkPassphrase(passphrase);
    }

    @Override
    public void changePassphrase(char[] current, char[] next) throws WrongPassphraseException {
        settings.changePassphrase(current, next);
    }

    // ---- maintenance and the audit log

    @Override
    public void backupTo(Path file) {
        maintenance.backupTo(file);
    }

    @Override
    public Optional<BackupFailure> automaticBackupFailure() {
        return maintenance.automaticBackupFailure();
    }

    @Override
    public Optional<BackupFailure> dailyBackup() {
        return maintenance.dailyBackup();
    }

    @Override
    public Optional<BackupFailure> backUpNow() {
        return maintenance.backUpNow();
    }

    @Override
    public Optional<String> auditAnchorProblem() {
        return maintenance.auditAnchorProblem();
    }

    @Override
    public org.stepwise.domain.caseload.IntegrityReport verify() {
        return maintenance.verify();
    }

    @Override
    public Optional<String> recovered() {
        return maintenance.recovered();
    }

    @Override
    public AuditLog audit() {
        return audit;
    }

    /** Closes the store (after its closing backup, when it makes one), releasing the data folder. Twice is harmless. */
    @Override
    public void close() {
        session.locked(() -> {
            if (!session.closed()) {
                backups.beforeClose();
                session.close();
            }
            return null;
        });
    }

    // ---- what the store access does as it opens the store, and hooks for the tests of this package

    /** Refuses a store whose scores name a measure the measure table does not define. */
    void checkMeasures() {
        maintenance.checkMeasures();
    }

    /** Checks the audit log against its anchor before anything is added to it. */
    Optional<String> checkAuditAnchor() {
        return maintenance.checkAuditAnchor();
    }

    /** Writes the unlock that opened this store, after the refused unlocks noted since the last. */
    void recordUnlock(UnlockFailures.Pending refusedBefore) {
        audit.recordUnlock(refusedBefore);
    }

    /** Leaves the day's first automatic backup to {@link #dailyBackup()} (the unlock of the application's stores). */
    void dailyBackupDue() {
        backups.dailyDue();
    }

    /** Whether closing makes today's automatic backup first (the application's stores do). */
    void backUpOnClose(boolean on) {
        backups.onClose(on);
    }

    /** For tests: an automatic backup at {@code now}. */
    Optional<BackupFailure> automaticBackup(LocalDateTime now, BackupFailure.Occasion occasion) {
        return backups.make(now, occasion);
    }

    /** For tests: stops a passphrase change at a step (a failure, or the process killed there). */
    void stopPassphraseChangeWith(PassphraseChange.Checkpoint checkpoint) {
        settings.stopPassphraseChangeWith(checkpoint);
    }

    /** The store's database, for tests in this package that check what the schema holds. */
    Database database() {
        return session.database();
    }
}
