package org.stepwise.ui.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.stepwise.domain.audit.AuditAction;
import org.stepwise.domain.caseload.CaseloadRow;
import org.stepwise.domain.caseload.BackupFailure;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.ImportCounts;
import org.stepwise.domain.caseload.NewReferral;
import org.stepwise.domain.caseload.PatientHistory;
import org.stepwise.domain.caseload.ReferralCreated;
import org.stepwise.domain.caseload.ReferralHistory;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.caseload.StoredReferral;
import org.stepwise.domain.caseload.WrongPassphraseException;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactRules;
import org.stepwise.domain.contact.ContactVersion;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.contact.RiskLevel;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.practitioner.IdleLock;
import org.stepwise.domain.practitioner.PassphraseStrength;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.referral.Employment;
import org.stepwise.domain.referral.EndReason;
import org.stepwise.domain.referral.Referral;
import org.stepwise.domain.referral.ReferralSource;
import org.stepwise.domain.measure.ProblemDescriptor;
import org.stepwise.domain.referral.ReferralRules;
import org.stepwise.domain.referral.ReferralStatus;
import org.stepwise.domain.referral.StepChange;

/**
 * A caseload store in memory, following the port's contract, that records what it was asked. It
 * refuses what the real store refuses by the same domain rules ({@link ContactRules}, {@link ReferralRules},
 * {@link Employment#problem}), with the bundled measure catalogue and the same kind of exception.
 */
public final class InMemoryCaseloadStore implements CaseloadStore {

    private final PractitionerProfile profile;
    private final String practitionerUid = UUID.randomUUID().toString();
    private final Map<Long, Patient> patients = new LinkedHashMap<>();
    private final Map<Long, Referral> referrals = new LinkedHashMap<>();
    private final Map<Long, Contact> contacts = new LinkedHashMap<>();
    private final Map<Long, List<ContactVersion>> history = new LinkedHashMap<>();
    private final InMemoryAuditLog audit = new InMemoryAuditLog(practitionerUid);
    private final List<NewReferral> referralsCreated = new ArrayList<>();
    private final List<Patient> patientsGiven = new ArrayList<>();
    private final List<Contact> contactsSaved = new ArrayList<>();
    private byte[] serviceKey;
    private String passphrase = "";
    private int idleLockMinutes = IdleLock.DEFAULT_MINUTES;
    private final List<String> checkedPassphrases = new ArrayList<>();
    private StoreException nextFailure;
    private long nextId = 1;
    private boolean closed;

    private boolean backupFails;
    private String auditAnchorProblem;
    private org.stepwise.domain.caseload.IntegrityReport integrity = org.stepwise.domain.caseload.IntegrityReport.whole();
    private BackupFailure backupFailure;
    private int dailyBackups;
    private Runnable dailyBackupSeen = () -> { };

    private final ContactRules contactRules;
    private final ReferralRules referralRules;

    /** A store that judges scores by the bundled measure table, and whose "today" is the machine's. */
    public InMemoryCaseloadStore(PractitionerProfile profile) {
        this(profile, MeasureCatalogue.standard());
    }

    /** A store that judges scores by this measure table (a service's own, say), as the real store does. */
    public InMemoryCaseloadStore(PractitionerProfile profile, MeasureCatalogue catalogue) {
        this(profile, catalogue, Clock.systemDefaultZone());
    }

    /** As above, with "today" the date of {@code clock}. */
    public InMemoryCaseloadStore(PractitionerProfile profile, MeasureCatalogue catalogue, Clock clock) {
        this.profile = profile;
        this.contactRules = new ContactRules(catalogue, clock);
        this.referralRules = new ReferralRules(clock);
    }

    @Override
    public synchronized PractitionerProfile profile() {
        return profile;
    }

    @Override
    public synchronized String practitionerUid() {
        return practitionerUid;
    }

    @Override
    public synchronized ReferralCreated createReferral(Patient patient, NewReferral referral) {
        failIfAsked();
        referralsCreated.add(referral);
        patientsGiven.add(patient);
        Patient stored = byNhsNumber(patient.nhsNumber()).orElse(null);
        boolean existing = stored != null;
        if (!existing) {
            stored = patient.withId(nextId++);
            patients.put(stored.id(), stored);
        }
        long referralId = nextId++;
        referrals.put(referralId, new Referral(referralId, UUID.randomUUID(), stored.id(), referral.referralDate(),
                referral.source(), referral.problemDescriptor(), ReferralStatus.REFERRED, null, null,
                List.of(new StepChange(referral.referralDate(), referral.step())), Employment.NOT_RECORDED, false));
        return new ReferralCreated(referralId, stored.id(), existing);
    }

    @Override
    public synchronized Optional<Patient> findPatient(NhsNumber nhsNumber) {
        failIfAsked();
        return byNhsNumber(nhsNumber);
    }

    @Override
    public synchronized Optional<Patient> patient(long patientId) {
        failIfAsked();
        return Optional.ofNullable(patients.get(patientId));
    }

    @Override
    public synchronized Patient updatePatient(Patient patient) {
        failIfAsked();
        if (patient.id() == null || !patients.containsKey(patient.id())) {
            throw new IllegalArgumentException("That patient is not in the store.");
        }
        if (byNhsNumber(patient.nhsNumber()).filter(other -> !other.id().equals(patient.id())).isPresent()) {
            throw new IllegalArgumentException("Another patient already has this NHS number.");
        }
        patients.put(patient.id(), patient);
        return patient;
    }

    @Override
    public synchronized List<CaseloadRow> caseload() {
        failIfAsked();
        return referrals.values().stream()
                .sorted(newestFirst())
                .map(r -> {
                    Patient p = patients.get(r.patientId());
                    return new CaseloadRow(r.id(), p.id(), p.familyName(), p.givenName(), p.nhsNumber(),
                            r.currentStep(), r.status(), r.referralDate());
                })
                .toList();
    }

    @Override
    public synchronized Optional<Referral> referral(long referralId) {
        failIfAsked();
        return Optional.ofNullable(referrals.get(referralId));
    }

    @Override
    public synchronized Optional<Referral> referralByUuid(UUID uuid) {
        failIfAsked();
        return referrals.values().stream().filter(r -> r.uuid().equals(uuid)).findFirst();
    }

    @Override
    public synchronized Optional<Referral> viewReferral(long referralId) {
        Optional<Referral> found = referral(referralId);
        found.ifPresent(r -> audit.append(AuditAction.VIEW, "referral", referralId, null));
        return found;
    }

    @Override
    public InMemoryAuditLog audit() {
        return audit;
    }

    @Override
    public void backupTo(java.nio.file.Path file) {
        throw new StoreException("A store in memory has no file to back up.");
    }

    @Override
    public synchronized List<Referral> referralsOf(long patientId) {
        failIfAsked();
        return referrals.values().stream().filter(r -> r.patientId() == patientId).sorted(newestFirst()).toList();
    }

    @Override
    public synchronized List<Contact> contacts(long referralId) {
        failIfAsked();
        return contacts.values().stream()
                .filter(c -> c.referralId() == referralId)
                .sorted(Comparator.comparing(Contact::date).thenComparing(Contact::id))
                .toList();
    }

    @Override
    public synchronized int referralCount() {
        failIfAsked();
        return referrals.size();
    }

    @Override
    public synchronized List<StoredReferral> referralsAfter(long afterReferralId, int limit) {
        failIfAsked();
        return referrals.values().stream()
                .filter(r -> r.id() > afterReferralId)
                .sorted(Comparator.comparing(Referral::id))
                .limit(limit)
                .map(r -> new StoredReferral(r, patients.get(r.patientId()), contacts(r.id())))
                .toList();
    }

    @Override
    public synchronized Contact saveContact(Contact contact) {
        failIfAsked();
        refuse(contactRules.contentProblem(contact));
        Referral referral = existingReferral(contact.referralId());
        if (contact.id() != null && !contacts.containsKey(contact.id())) {
            throw new IllegalArgumentException("That contact is not in the store.");
        }
        if (contact.id() != null && contacts.get(contact.id()).referralId() != contact.referralId()) {
            throw new IllegalArgumentException("A contact cannot be moved to another referral.");
        }
        refuse(contactRules.dateProblem(contact.date(), referral.referralDate(), referral.endDate())
                .map(ContactRules.DateProblem::message));
        if (contact.id() != null) {
            keepVersion(contacts.get(contact.id()), ContactVersion.Change.REPLACED);
        }
        long id = contact.id() != null ? contact.id() : nextId++;
        Contact stored = new Contact(id, contact.referralId(), contact.date(), contact.type(), contact.medium(),
                contact.attendance(), contact.step(), contact.minutes(), contact.therapyType(), contact.note(),
                contact.scores(), contact.riskReview());
        contacts.put(id, stored);
        contactsSaved.add(stored);
        return stored;
    }

    @Override
    public synchronized void deleteContact(long contactId) {
        failIfAsked();
        Contact removed = contacts.remove(contactId);
        if (removed == null) {
            throw new IllegalArgumentException("That contact is not in the store.");
        }
        keepVersion(removed, ContactVersion.Change.DELETED);
    }

    @Override
    public synchronized List<ContactVersion> contactHistory(long contactId) {
        failIfAsked();
        return List.copyOf(history.getOrDefault(contactId, List.of()));
    }

    @Override
    public synchronized void changeStep(long referralId, LocalDate effectiveDate, int step) {
        failIfAsked();
        Referral r = existingReferral(referralId);
        refuse(referralRules.stepChangeProblem(r.referralDate(), r.endDate(), effectiveDate, step)
                .map(ReferralRules.StepProblem::message));
        List<StepChange> steps = new ArrayList<>(r.steps());
        steps.add(new StepChange(effectiveDate, step));
        referrals.put(referralId, new Referral(r.id(), r.uuid(), r.patientId(), r.referralDate(), r.source(),
                r.problemDescriptor(), r.status(), r.endDate(), r.endReason(), steps, r.employment(), r.demo()));
    }

    @Override
    public synchronized void setProblemDescriptor(long referralId, ProblemDescriptor problem) {
        failIfAsked();
        Referral r = existingReferral(referralId);
        referrals.put(referralId, new Referral(r.id(), r.uuid(), r.patientId(), r.referralDate(), r.source(),
                problem.code(), r.status(), r.endDate(), r.endReason(), r.steps(), r.employment(), r.demo()));
    }

    @Override
    public synchronized void recordEmployment(long referralId, Employment employment) {
        failIfAsked();
        Referral r = existingReferral(referralId);
        refuse(employment.problem(r.status() == ReferralStatus.ENDED));
        referrals.put(referralId, new Referral(r.id(), r.uuid(), r.patientId(), r.referralDate(), r.source(),
                r.problemDescriptor(), r.status(), r.endDate(), r.endReason(), r.steps(), employment, r.demo()));
    }

    @Override
    public synchronized void setStatus(long referralId, ReferralStatus status) {
        failIfAsked();
        refuse(ReferralRules.statusProblem(status));
        Referral r = existingReferral(referralId);
        Employment open = new Employment(r.employment().atStart(), null, r.employment().support());
        referrals.put(referralId, new Referral(r.id(), r.uuid(), r.patientId(), r.referralDate(), r.source(),
                r.problemDescriptor(), status, null, null, r.steps(), open, r.demo()));
    }

    @Override
    public synchronized void endReferral(long referralId, LocalDate endDate, EndReason reason) {
        failIfAsked();
        Referral r = existingReferral(referralId);
        LocalDate lastContact = contacts(referralId).stream().map(Contact::date).max(LocalDate::compareTo).orElse(null);
        refuse(referralRules.endingProblem(r.referralDate(), lastContact, endDate, reason)
                .map(ReferralRules.EndingProblem::message));
        referrals.put(referralId, new Referral(r.id(), r.uuid(), r.patientId(), r.referralDate(), r.source(),
                r.problemDescriptor(), ReferralStatus.ENDED, endDate, reason, r.steps(), r.employment(), r.demo()));
    }

    @Override
    public synchronized List<ReferralRecord> referralRecords() {
        failIfAsked();
        return referrals.keySet().stream().map(this::record).toList();
    }

    @Override
    public synchronized Optional<ReferralRecord> referralRecord(long referralId) {
        failIfAsked();
        return referrals.containsKey(referralId) ? Optional.of(record(referralId)) : Optional.empty();
    }

    @Override
    public synchronized ImportCounts importCaseload(List<PatientHistory> histories) {
        failIfAsked();
        for (PatientHistory history : histories) {
            for (ReferralHistory referralHistory : history.referrals()) {
                Referral r = referralHistory.referral();
                for (Contact c : referralHistory.contacts()) {
                    refuse(contactRules.contentProblem(c));
                    refuse(contactRules.dateProblem(c.date(), r.referralDate(), r.endDate())
                            .map(ContactRules.DateProblem::message));
                }
                refuse(referralRules.wholeReferralProblem(r, referralHistory.contacts().stream().map(Contact::date)
                        .max(LocalDate::compareTo).orElse(null)));
            }
        }
        int newPatients = 0;
        int referralCount = 0;
        int contactCount = 0;
        for (PatientHistory history : histories) {
            Patient patient = byNhsNumber(history.patient().nhsNumber()).orElse(null);
            if (patient == null) {
                patient = history.patient().withId(nextId++);
                patients.put(patient.id(), patient);
                newPatients++;
            }
            for (ReferralHistory referralHistory : history.referrals()) {
                Referral r = referralHistory.referral();
                long referralId = nextId++;
                referrals.put(referralId, new Referral(referralId, r.uuid() == null ? UUID.randomUUID() : r.uuid(),
                        patient.id(), r.referralDate(), r.source(), r.problemDescriptor(), r.status(), r.endDate(),
                        r.endReason(), r.steps(), r.employment(), r.demo()));
                referralCount++;
                for (Contact c : referralHistory.contacts()) {
                    long contactId = nextId++;
                    contacts.put(contactId, new Contact(contactId, referralId, c.date(), c.type(), c.medium(),
                            c.attendance(), c.step(), c.minutes(), c.therapyType(), c.note(), c.scores(),
                            c.riskReview()));
                    contactCount++;
                }
            }
        }
        return new ImportCounts(newPatients, referralCount, contactCount);
    }

    @Override
    public synchronized Optional<byte[]> serviceKey() {
        failIfAsked();
        return Optional.ofNullable(serviceKey).map(byte[]::clone);
    }

    @Override
    public synchronized void saveServiceKey(byte[] key, String origin) {
        failIfAsked();
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("A service key has at least 32 bytes.");
        }
        serviceKey = key.clone();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (backupFails) {
            backupFailure = fullDisk(BackupFailure.Occasion.ON_CLOSE);
        }
    }

    /** While on, the backups made from now (Back up now, on close) fail with a full disk. */
    public synchronized void failBackups(boolean on) {
        backupFails = on;
    }

    /** The day's backup, when asked for, fails with a full disk (and later ones will too). */
    public synchronized void failDailyBackup() {
        backupFails = true;
    }

    /** The unlock's audit check found {@code finding} (as the real store words it). */
    public synchronized void findAuditProblem(String finding) {
        auditAnchorProblem = finding;
    }

    @Override
    public synchronized Optional<String> auditAnchorProblem() {
        return Optional.ofNullable(auditAnchorProblem);
    }

    /** The store's check finds {@code report} (as the real store words it). */
    public synchronized void findDamage(org.stepwise.domain.caseload.IntegrityReport report) {
        integrity = report;
    }

    @Override
    public synchronized org.stepwise.domain.caseload.IntegrityReport verify() {
        return integrity;
    }

    /** Runs {@code seen} each time the day's backup is asked for, as it begins. */
    public synchronized void onDailyBackup(Runnable seen) {
        dailyBackupSeen = seen;
    }

    /** How many times the day's backup was asked for while the store was open. */
    public synchronized int dailyBackups() {
        return dailyBackups;
    }

    @Override
    public synchronized Optional<BackupFailure> dailyBackup() {
        if (!closed) {
            dailyBackups++;
            dailyBackupSeen.run();
            backupFailure = backupFails ? fullDisk(BackupFailure.Occasion.DAILY) : null;
        }
        return Optional.ofNullable(backupFailure);
    }

    private static BackupFailure fullDisk(BackupFailure.Occasion occasion) {
        return new BackupFailure(occasion, "the disk is full", "free some space on the disk");
    }

    @Override
    public synchronized Optional<BackupFailure> automaticBackupFailure() {
        return Optional.ofNullable(backupFailure);
    }

    @Override
    public synchronized Optional<BackupFailure> backUpNow() {
        backupFailure = backupFails ? fullDisk(BackupFailure.Occasion.ON_DEMAND) : null;
        return Optional.ofNullable(backupFailure);
    }

    @Override
    public synchronized int idleLockMinutes() {
        failIfAsked();
        return idleLockMinutes;
    }

    @Override
    public synchronized void saveIdleLockMinutes(int minutes) {
        failIfAsked();
        IdleLock.problem(minutes).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        idleLockMinutes = minutes;
    }

    @Override
    public synchronized void checkPassphrase(char[] secret) throws WrongPassphraseException {
        String tried = new String(secret);
        Arrays.fill(secret, '\0');
        checkedPassphrases.add(tried);
        failIfAsked();
        if (!tried.equals(passphrase)) {
            throw new WrongPassphraseException();
        }
    }

    @Override
    public synchronized void changePassphrase(char[] current, char[] next) throws WrongPassphraseException {
        String tried = new String(current);
        String chosen = new String(next);
        Arrays.fill(current, '\0');
        Arrays.fill(next, '\0');
        failIfAsked();
        if (!tried.equals(passphrase)) {
            throw new WrongPassphraseException();
        }
        refuse(PassphraseStrength.problem(chosen));
        passphrase = chosen;
    }

    @Override
    public synchronized List<ContactVersion> deletedContacts(long referralId) {
        failIfAsked();
        return history.values().stream()
                .map(List::getLast)
                .filter(version -> version.change() == ContactVersion.Change.DELETED
                        && version.contact().referralId() == referralId)
                .sorted(Comparator.comparing(ContactVersion::changedAt).reversed())
                .toList();
    }

    /** The passphrase {@link #checkPassphrase} accepts (the store access sets it). */
    public synchronized void usePassphrase(String secret) {
        passphrase = secret;
    }

    public synchronized String passphrase() {
        return passphrase;
    }

    /** Every passphrase given to {@link #checkPassphrase}, in order. */
    public synchronized List<String> checkedPassphrases() {
        return List.copyOf(checkedPassphrases);
    }

    /** Adds a referral directly, as if it had been stored earlier. */
    public synchronized CaseloadRow add(String nhsNumber, String given, String family, LocalDate born,
            LocalDate referred, int step, ReferralStatus status) {
        NhsNumber number = NhsNumber.parse(nhsNumber);
        Patient patient = byNhsNumber(number).orElseGet(() -> {
            Patient added = new Patient(nextId++, number, given, family, born, Gender.NOT_STATED, Ethnicity.Z,
                    null, null, null, null, null);
            patients.put(added.id(), added);
            return added;
        });
        long referralId = nextId++;
        boolean ended = status == ReferralStatus.ENDED;
        referrals.put(referralId, new Referral(referralId, UUID.randomUUID(), patient.id(), referred,
                ReferralSource.SELF, null, status, ended ? referred : null, ended ? EndReason.COMPLETED : null,
                List.of(new StepChange(referred, step)), Employment.NOT_RECORDED, false));
        return new CaseloadRow(referralId, patient.id(), family, given, patient.nhsNumber(), step, status, referred);
    }

    /** The next call fails with this exception. */
    public synchronized void failNext(StoreException failure) {
        nextFailure = failure;
    }

    public synchronized List<NewReferral> referralsCreated() {
        return List.copyOf(referralsCreated);
    }

    public synchronized List<Patient> patientsGiven() {
        return List.copyOf(patientsGiven);
    }

    /** Every contact given to {@link #saveContact} and stored, in order. */
    public synchronized List<Contact> contactsSaved() {
        return List.copyOf(contactsSaved);
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    private void keepVersion(Contact old, ContactVersion.Change change) {
        List<ContactVersion> versions = history.computeIfAbsent(old.id(), id -> new ArrayList<>());
        versions.add(new ContactVersion(old.id(), versions.size() + 1, change, old, practitionerUid, Instant.now()));
    }

    private static void refuse(Optional<String> problem) {
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }

    private Optional<Patient> byNhsNumber(NhsNumber number) {
        return patients.values().stream().filter(p -> p.nhsNumber().equals(number)).findFirst();
    }

    private Referral existingReferral(long referralId) {
        Referral referral = referrals.get(referralId);
        if (referral == null) {
            throw new IllegalArgumentException("That referral is not in the store.");
        }
        return referral;
    }

    private ReferralRecord record(long referralId) {
        Referral r = referrals.get(referralId);
        List<Contact> own = contacts.values().stream().filter(c -> c.referralId() == referralId)
                .sorted(Comparator.comparing(Contact::id)).toList();
        RiskLevel risk = own.stream().filter(c -> c.riskReview() != null)
                .max(Comparator.comparing(Contact::date).thenComparing(Contact::id))
                .map(c -> c.riskReview().level()).orElse(null);
        return new ReferralRecord(Long.toString(referralId), r.referralDate(), r.endDate(), r.endReason(),
                r.problemDescriptor(), own.stream().map(c -> new ContactRecord(c.date(), c.type(), c.attendance(),
                        c.medium(), c.step(), c.minutes(), c.scores(), c.therapyType())).toList(), risk);
    }

    private static Comparator<Referral> newestFirst() {
        return Comparator.comparing(Referral::referralDate).thenComparing(Referral::id).reversed();
    }

    private void failIfAsked() {
        if (nextFailure != null) {
            StoreException failure = nextFailure;
            nextFailure = null;
            throw failure;
        }
    }
}
