package org.stepwise.store;

import static org.stepwise.store.generated.Tables.APP_SETTING;
import static org.stepwise.store.generated.Tables.CONTACT;
import static org.stepwise.store.generated.Tables.CONTACT_VERSION;
import static org.stepwise.store.generated.Tables.PATIENT;
import static org.stepwise.store.generated.Tables.PRACTITIONER_PROFILE;
import static org.stepwise.store.generated.Tables.REFERRAL;
import static org.stepwise.store.generated.Tables.RISK_REVIEW;
import static org.stepwise.store.generated.Tables.SCORE;
import static org.stepwise.store.generated.Tables.SERVICE_KEY;
import static org.stepwise.store.generated.Tables.STEP_CHANGE;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.stepwise.domain.audit.AuditAction;
import org.stepwise.domain.audit.AuditCheck;
import org.stepwise.domain.audit.AuditEvent;
import org.stepwise.domain.audit.AuditHead;
import org.stepwise.domain.audit.AuditLog;
import org.stepwise.domain.audit.AuditQuery;
import org.stepwise.domain.caseload.BackupFailure;
import org.stepwise.domain.caseload.CaseloadRow;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.ImportCounts;
import org.stepwise.domain.caseload.NewReferral;
import org.stepwise.domain.caseload.PatientHistory;
import org.stepwise.domain.caseload.ReferralCreated;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.caseload.StoredReferral;
import org.stepwise.domain.caseload.WrongPassphraseException;
import org.stepwise.domain.common.Coded;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.ContactVersion;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.contact.RiskReview;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.contact.RiskLevel;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.practitioner.IdleLock;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.domain.measure.ProblemDescriptor;
import org.stepwise.domain.referral.Employment;
import org.stepwise.domain.referral.EndReason;
import org.stepwise.domain.referral.Referral;
import org.stepwise.domain.referral.ReferralStatus;
import org.stepwise.store.generated.tables.records.PatientRecord;

/**
 * The caseload store over jOOQ and the encrypted H2 database. Every public method is one transaction
 * on the store's single connection; methods are synchronised, so a call from a second thread waits
 * rather than interleaving. A write returns only once its transaction is committed and on disk.
 * Contacts are checked against the measure catalogue the store was opened with.
 */
final class JooqCaseloadStore implements CaseloadStore {

    private static final Set<String> KEY_ORIGINS = Set.of("generated", "imported");
    private static final int MIN_KEY_BYTES = 32;
    private static final int MAX_KEY_BYTES = 256;
    private static final String NO_SUCH_REFERRAL = StoredReferrals.NO_SUCH_REFERRAL;
    private static final String NO_SUCH_CONTACT = "That contact is not in the store.";

    private static final System.Logger LOG = System.getLogger(JooqCaseloadStore.class.getName());

    private static final String IDLE_LOCK_MINUTES = "lock.idle-minutes";

    private Database database;
    private final MeasureCatalogue catalogue;
    private final ContactRules rules;
    private final AuditLog auditLog = new StoreAuditLog();
    private boolean closed;
    /** Counts the writes that may change records: what is kept from a read is still what the store holds. */
    private final AtomicLong writes = new AtomicLong();
    /** The ended referrals as last read, and the count of writes then; null until read. */
    private List<ReferralRecord> endedRecords;
    private long endedRecordsAtWrite;
    private boolean backupOnClose;
    /** Whether the day's first automatic backup is still to be made ({@link #dailyBackup()}). */
    private boolean dailyBackupDue;
    /**
     * What the audit anchor check found wrong (then the anchor is left as it is, as the evidence), or
     * null; and the event last anchored, -1 before the first.
     */
    private String anchorProblem;
    private long anchoredEvent = -1;
    private boolean anchoredInStore;
    /** Why the last automatic backup failed, or null when it was written (or none was due yet). */
    private BackupFailure backupFailure;
    private PassphraseChange.Checkpoint passphraseCheckpoint = PassphraseChange.Checkpoint.NONE;

    /** What was finished or undone after an interruption when this store was opened, or null. */
    private final String recovered;

    JooqCaseloadStore(Database database, MeasureCatalogue catalogue) {
        this.database = database;
        this.recovered = database.recovered().orElse(null);
        this.catalogue = catalogue;
        this.rules = new ContactRules(catalogue);
    }

    /** Inserts the practitioner profile of a new store, with a new random practitioner id. */
    static void insertProfile(DSLContext dsl, PractitionerProfile profile) {
        dsl.insertInto(PRACTITIONER_PROFILE)
                .set(PRACTITIONER_PROFILE.ID, 1)
                .set(PRACTITIONER_PROFILE.PRACTITIONER_UID, UUID.randomUUID().toString())
                .set(PRACTITIONER_PROFILE.DISPLAY_NAME, profile.displayName().strip())
                .set(PRACTITIONER_PROFILE.ROLE, profile.role().code())
                .set(PRACTITIONER_PROFILE.SERVICE_CODE, profile.serviceCode().strip())
                .set(PRACTITIONER_PROFILE.DEMO, profile.demo())
                .set(PRACTITIONER_PROFILE.CREATED_AT, now())
                .execute();
        AuditTrail.append(dsl, AuditAction.CREATE, "store", null, null);
    }

    @Override
    public synchronized PractitionerProfile profile() {
        return read("reading the profile", "The practitioner profile could not be read.", dsl -> dsl
                .selectFrom(PRACTITIONER_PROFILE)
                .where(PRACTITIONER_PROFILE.ID.eq(1))
                .fetchSingle(r -> new PractitionerProfile(r.getDisplayName(), Coded.of(Role.class, r.getRole()),
                        r.getServiceCode(), r.getDemo())));
    }

    @Override
    public synchronized String practitionerUid() {
        return read("reading the profile", "The practitioner profile could not be read.", dsl -> dsl
                .select(PRACTITIONER_PROFILE.PRACTITIONER_UID)
                .from(PRACTITIONER_PROFILE)
                .where(PRACTITIONER_PROFILE.ID.eq(1))
                .fetchSingle(PRACTITIONER_PROFILE.PRACTITIONER_UID));
    }

    @Override
    public synchronized ReferralCreated createReferral(Patient patient, NewReferral referral) {
        if (patient == null || referral == null) {
            throw new IllegalArgumentException("A referral needs its patient and its details.");
        }
        return write("creating a referral", "The referral was not saved.", dsl -> {
            OffsetDateTime now = now();
            Long existingId = dsl.select(PATIENT.ID)
                    .from(PATIENT)
                    .where(PATIENT.NHS_NUMBER.eq(patient.nhsNumber().digits()))
                    .fetchOne(PATIENT.ID);
            long patientId = existingId != null ? existingId : dsl.insertInto(PATIENT)
                    .set(patientFields(patient))
                    .set(PATIENT.CREATED_AT, now)
                    .set(PATIENT.UPDATED_AT, now)
                    .returningResult(PATIENT.ID)
                    .fetchSingle(PATIENT.ID);
            long referralId = dsl.insertInto(REFERRAL)
                    .set(REFERRAL.PATIENT_ID, patientId)
                    .set(REFERRAL.UUID, StoredReferrals.newUuid())
                    .set(REFERRAL.REFERRAL_DATE, referral.referralDate())
                    .set(REFERRAL.SOURCE, referral.source().code())
                    .set(REFERRAL.PROBLEM_DESCRIPTOR, referral.problemDescriptor())
                    .set(REFERRAL.STATUS, ReferralStatus.REFERRED.code())
                    .set(REFERRAL.CREATED_AT, now)
                    .set(REFERRAL.UPDATED_AT, now)
                    .returningResult(REFERRAL.ID)
                    .fetchSingle(REFERRAL.ID);
            dsl.insertInto(STEP_CHANGE)
                    .set(STEP_CHANGE.REFERRAL_ID, referralId)
                    .set(STEP_CHANGE.EFFECTIVE_DATE, referral.referralDate())
                    .set(STEP_CHANGE.STEP, (short) referral.step())
                    .set(STEP_CHANGE.CREATED_AT, now)
                    .execute();
            if (existingId == null) {
                AuditTrail.append(dsl, AuditAction.CREATE, "patient", patientId, null);
            }
            AuditTrail.append(dsl, AuditAction.CREATE, "referral", referralId, null);
            return new ReferralCreated(referralId, patientId, existingId != null);
        });
    }

    @Override
    public synchronized Optional<Patient> findPatient(NhsNumber nhsNumber) {
        if (nhsNumber == null) {
            throw new IllegalArgumentException("Looking up a patient needs an NHS number.");
        }
        return read("finding a patient", "The patient could not be looked up.", dsl -> dsl
                .selectFrom(PATIENT)
                .where(PATIENT.NHS_NUMBER.eq(nhsNumber.digits()))
                .fetchOptional(JooqCaseloadStore::toPatient));
    }

    @Override
    public synchronized Optional<Patient> patient(long patientId) {
        return read("reading a patient", "The patient could not be read.", dsl -> dsl
                .selectFrom(PATIENT)
                .where(PATIENT.ID.eq(patientId))
                .fetchOptional(JooqCaseloadStore::toPatient));
    }

    @Override
    public synchronized Patient updatePatient(Patient patient) {
        if (patient == null || patient.id() == null) {
            throw new IllegalArgumentException("Only a stored patient can be changed.");
        }
        long id = patient.id();
        return write("changing a patient", "The patient's details were not saved.", dsl -> {
            if (!dsl.fetchExists(PATIENT, PATIENT.ID.eq(id))) {
                throw new Refusal("That patient is not in the store.");
            }
            if (dsl.fetchExists(PATIENT, PATIENT.NHS_NUMBER.eq(patient.nhsNumber().digits()).and(PATIENT.ID.ne(id)))) {
                throw new Refusal("Another patient already has this NHS number.");
            }
            dsl.update(PATIENT)
                    .set(patientFields(patient))
                    .set(PATIENT.UPDATED_AT, now())
                    .where(PATIENT.ID.eq(id))
                    .execute();
            AuditTrail.append(dsl, AuditAction.CHANGE, "patient", id, "details");
            return dsl.selectFrom(PATIENT).where(PATIENT.ID.eq(id)).fetchSingle(JooqCaseloadStore::toPatient);
        });
    }

    @Override
    public synchronized List<CaseloadRow> caseload() {
        return read("reading the caseload", "The caseload could not be read.", dsl -> {
            Map<Long, Integer> steps = CurrentSteps.read(dsl);
            return dsl.select(REFERRAL.ID, REFERRAL.PATIENT_ID, PATIENT.FAMILY_NAME, PATIENT.GIVEN_NAME,
                            PATIENT.NHS_NUMBER, REFERRAL.STATUS, REFERRAL.REFERRAL_DATE)
                    .from(REFERRAL)
                    .join(PATIENT).on(PATIENT.ID.eq(REFERRAL.PATIENT_ID))
                    .orderBy(REFERRAL.REFERRAL_DATE.desc(), REFERRAL.ID.desc())
                    .fetch(r -> caseloadRow(r, steps));
        });
    }

    @Override
    public synchronized Optional<Referral> referral(long referralId) {
        return read("reading a referral", "The referral could not be read.",
                dsl -> StoredReferrals.read(dsl, REFERRAL.ID.eq(referralId)).stream().findFirst());
    }

    @Override
    public synchronized Optional<Referral> referralByUuid(UUID uuid) {
        if (uuid == null) {
            throw new IllegalArgumentException("Finding a referral by its identity needs the identity.");
        }
        return read("finding a referral", "The referral could not be looked up.",
                dsl -> StoredReferrals.read(dsl, REFERRAL.UUID.eq(uuid.toString())).stream().findFirst());
    }

    @Override
    public synchronized Optional<Referral> viewReferral(long referralId) {
        return auditedRead("reading a referral", "The referral could not be read.", dsl -> {
            Optional<Referral> referral = StoredReferrals.read(dsl, REFERRAL.ID.eq(referralId)).stream().findFirst();
            if (referral.isPresent()) {
                AuditTrail.append(dsl, AuditAction.VIEW, "referral", referralId, null);
            }
            return referral;
        });
    }

    @Override
    public synchronized List<Referral> referralsOf(long patientId) {
        return read("reading a patient's referrals", "The patient's referrals could not be read.",
                dsl -> StoredReferrals.read(dsl, REFERRAL.PATIENT_ID.eq(patientId)));
    }

    @Override
    public synchronized List<Contact> contacts(long referralId) {
        return read("reading contacts", "The contacts could not be read.",
                dsl -> contacts(dsl, CONTACT.REFERRAL_ID.eq(referralId)));
    }

    @Override
    public synchronized int referralCount() {
        return read("counting referrals", "The referrals could not be counted.", dsl -> dsl.fetchCount(REFERRAL));
    }

    /**
     * One chunk in one read transaction: the chunk's ids first, then its referrals with their steps, their
     * patients, and their contacts with scores and risk reviews, each a query over the chunk's id range,
     * read with the same row mappings as {@link #referral}, {@link #patient} and {@link #contacts}.
     */
    @Override
    public synchronized List<StoredReferral> referralsAfter(long afterReferralId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("A chunk of referrals holds at least one.");
        }
        return read("reading a chunk of referrals", "The referrals could not be read.", dsl -> {
            List<Long> ids = dsl.select(REFERRAL.ID)
                    .from(REFERRAL)
                    .where(REFERRAL.ID.gt(afterReferralId))
                    .orderBy(REFERRAL.ID)
                    .limit(limit)
                    .fetch(REFERRAL.ID);
            if (ids.isEmpty()) {
                return List.of();
            }
            Condition chunk = REFERRAL.ID.between(ids.getFirst(), ids.getLast());
            Map<Long, Patient> patients = dsl.selectFrom(PATIENT)
                    .where(PATIENT.ID.in(DSL.select(REFERRAL.PATIENT_ID).from(REFERRAL).where(chunk)))
                    .fetchMap(PATIENT.ID, JooqCaseloadStore::toPatient);
            Map<Long, List<Contact>> contacts = contacts(dsl,
                    CONTACT.REFERRAL_ID.between(ids.getFirst(), ids.getLast())).stream()
                    .collect(Collectors.groupingBy(Contact::referralId));
            return StoredReferrals.read(dsl, chunk).stream()
                    .sorted(Comparator.comparing(Referral::id))
                    .map(r -> new StoredReferral(r, patients.get(r.patientId()), contacts.getOrDefault(r.id(), List.of())))
                    .toList();
        });
    }

    @Override
    public synchronized Contact saveContact(Contact contact) {
        rules.checkContent(contact);
        return write("saving a contact", "The contact was not saved.", dsl -> {
            ReferralDates referral = referralRow(dsl, contact.referralId());
            Long id = contact.id();
            if (id != null) {
                var stored = dsl.selectFrom(CONTACT).where(CONTACT.ID.eq(id)).fetchOne();
                if (stored == null) {
                    throw new Refusal(NO_SUCH_CONTACT);
                }
                if (stored.getReferralId() != contact.referralId()) {
                    throw new Refusal("A contact cannot be moved to another referral.");
                }
            }
            ContactRules.checkDate(contact.date(), referral.referralDate(), referral.endDate(), LocalDate.now());
            OffsetDateTime now = now();
            long contactId;
            if (id == null) {
                contactId = dsl.insertInto(CONTACT)
                        .set(contactFields(contact))
                        .set(CONTACT.REFERRAL_ID, contact.referralId())
                        .set(CONTACT.CREATED_AT, now)
                        .set(CONTACT.UPDATED_AT, now)
                        .returningResult(CONTACT.ID)
                        .fetchSingle(CONTACT.ID);
            } else {
                contactId = id;
                keepVersion(dsl, contactId, ContactVersion.Change.REPLACED);
                dsl.update(CONTACT).set(contactFields(contact)).set(CONTACT.UPDATED_AT, now)
                        .where(CONTACT.ID.eq(contactId)).execute();
                dsl.deleteFrom(SCORE).where(SCORE.CONTACT_ID.eq(contactId)).execute();
                dsl.deleteFrom(RISK_REVIEW).where(RISK_REVIEW.CONTACT_ID.eq(contactId)).execute();
            }
            insertMeasures(dsl, contactId, contact);
            AuditTrail.append(dsl, id == null ? AuditAction.CREATE : AuditAction.CHANGE, "contact", contactId, null);
            return contacts(dsl, CONTACT.ID.eq(contactId)).getFirst();
        });
    }

    @Override
    public synchronized void deleteContact(long contactId) {
        write("deleting a contact", "The contact was not deleted.", dsl -> {
            if (!dsl.fetchExists(CONTACT, CONTACT.ID.eq(contactId))) {
                throw new Refusal(NO_SUCH_CONTACT);
            }
            keepVersion(dsl, contactId, ContactVersion.Change.DELETED);
            dsl.deleteFrom(CONTACT).where(CONTACT.ID.eq(contactId)).execute();
            AuditTrail.append(dsl, AuditAction.DELETE, "contact", contactId, null);
            return null;
        });
    }

    @Override
    public synchronized List<ContactVersion> contactHistory(long contactId) {
        return read("reading a contact's history", "The contact's earlier versions could not be read.", dsl -> dsl
                .selectFrom(CONTACT_VERSION)
                .where(CONTACT_VERSION.CONTACT_ID.eq(contactId))
                .orderBy(CONTACT_VERSION.VERSION)
                .fetch(this::version));
    }

    @Override
    public synchronized List<ContactVersion> deletedContacts(long referralId) {
        return read("reading deleted contacts", "The deleted contacts could not be read.", dsl -> dsl
                .selectFrom(CONTACT_VERSION)
                .where(CONTACT_VERSION.CHANGE_KIND.eq("deleted"))
                .orderBy(CONTACT_VERSION.CHANGED_AT.desc(), CONTACT_VERSION.ID.desc())
                .fetch(this::version)
                .stream()
                .filter(version -> version.contact().referralId() == referralId)
                .toList());
    }

    private ContactVersion version(org.stepwise.store.generated.tables.records.ContactVersionRecord r) {
        return new ContactVersion(r.getContactId(), r.getVersion(),
                ContactVersion.Change.valueOf(r.getChangeKind().toUpperCase(Locale.ROOT)),
                ContactText.read(r.getContent(), catalogue), r.getChangedBy(), r.getChangedAt().toInstant());
    }

    @Override
    public synchronized int idleLockMinutes() {
        return read("reading the settings", "The settings could not be read.", dsl -> {
            String stored = dsl.select(APP_SETTING.SETTING_VALUE).from(APP_SETTING)
                    .where(APP_SETTING.SETTING_KEY.eq(IDLE_LOCK_MINUTES))
                    .fetchOne(APP_SETTING.SETTING_VALUE);
            if (stored == null || IdleLock.problem(stored).isPresent()) {
                return IdleLock.DEFAULT_MINUTES;
            }
            return Integer.parseInt(stored.strip());
        });
    }

    @Override
    public synchronized void saveIdleLockMinutes(int minutes) {
        IdleLock.problem(minutes).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        write("saving the settings", "The setting was not saved.", dsl -> dsl
                .mergeInto(APP_SETTING)
                .using(DSL.selectOne())
                .on(APP_SETTING.SETTING_KEY.eq(IDLE_LOCK_MINUTES))
                .whenMatchedThenUpdate().set(APP_SETTING.SETTING_VALUE, Integer.toString(minutes))
                .whenNotMatchedThenInsert(APP_SETTING.SETTING_KEY, APP_SETTING.SETTING_VALUE)
                .values(IDLE_LOCK_MINUTES, Integer.toString(minutes))
                .execute() + audited(dsl, AuditAction.CHANGE, "setting", "idle lock minutes"));
    }

    /** Appends an audit row inside the caller's transaction; 0, to add to a row count. */
    private static int audited(DSLContext dsl, AuditAction action, String entity, String detail) {
        AuditTrail.append(dsl, action, entity, null, detail);
        return 0;
    }

    @Override
    public synchronized void checkPassphrase(char[] passphrase) throws WrongPassphraseException {
        try {
            checkOpen();
            if (passphrase == null) {
                throw new WrongPassphraseException();
            }
            try {
                database.checkPassphrase(passphrase);
            } catch (WrongPassphraseException refused) {
                write("recording a refused unlock", "The refused unlock could not be recorded.",
                        dsl -> audited(dsl, AuditAction.UNLOCK_FAILED, null, "lock screen"));
                throw refused;
            }
            write("recording the unlock", "The unlock could not be recorded.",
                    dsl -> audited(dsl, AuditAction.UNLOCK, null, "lock screen"));
        } finally {
            clear(passphrase);
        }
    }

    @Override
    public synchronized void changePassphrase(char[] current, char[] next) throws WrongPassphraseException {
        try {
            checkOpen();
            if (current == null) {
                throw new WrongPassphraseException();
            }
            // The change is written to the new store's audit log before it takes effect (PassphraseChange).
            PassphraseChange.change(database, current, next, reopened -> database = reopened, passphraseCheckpoint);
            anchorAudit();
        } finally {
            clear(current);
            clear(next);
        }
    }

    /** For tests: stops a passphrase change at a step (a failure, or the process killed there). */
    void stopPassphraseChangeWith(PassphraseChange.Checkpoint checkpoint) {
        passphraseCheckpoint = checkpoint;
    }

    private static void clear(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }

    @Override
    public synchronized void setProblemDescriptor(long referralId, ProblemDescriptor problem) {
        Objects.requireNonNull(problem, "problem");
        write("recording a problem descriptor", "The problem descriptor was not saved.", dsl -> {
            referralRow(dsl, referralId);
            dsl.update(REFERRAL)
                    .set(REFERRAL.PROBLEM_DESCRIPTOR, problem.code())
                    .where(REFERRAL.ID.eq(referralId))
                    .execute();
            touch(dsl, referralId);
            AuditTrail.append(dsl, AuditAction.CHANGE, "referral", referralId, "problem descriptor");
            return null;
        });
    }

    @Override
    public synchronized void recordEmployment(long referralId, Employment employment) {
        Objects.requireNonNull(employment, "employment");
        write("recording employment", "The employment details were not saved.", dsl -> {
            StoredReferrals.recordEmployment(dsl, referralId, employment);
            return null;
        });
    }

    @Override
    public synchronized void changeStep(long referralId, LocalDate effectiveDate, int step) {
        if (effectiveDate == null) {
            throw new IllegalArgumentException("A step change needs the date it takes effect.");
        }
        if (step != 2 && step != 3) {
            throw new IllegalArgumentException("Step is 2 or 3.");
        }
        if (effectiveDate.isAfter(LocalDate.now())) {
            throw new IllegalArgumentException("A step change cannot be dated in the future.");
        }
        write("changing a step", "The step change was not saved.", dsl -> {
            ReferralDates referral = referralRow(dsl, referralId);
            if (effectiveDate.isBefore(referral.referralDate())) {
                throw new Refusal("A step change cannot be dated before the referral date.");
            }
            if (referral.endDate() != null && effectiveDate.isAfter(referral.endDate())) {
                throw new Refusal("The referral has ended: a step change cannot be dated after its end date.");
            }
            dsl.insertInto(STEP_CHANGE)
                    .set(STEP_CHANGE.REFERRAL_ID, referralId)
                    .set(STEP_CHANGE.EFFECTIVE_DATE, effectiveDate)
                    .set(STEP_CHANGE.STEP, (short) step)
                    .set(STEP_CHANGE.CREATED_AT, now())
                    .execute();
            touch(dsl, referralId);
            AuditTrail.append(dsl, AuditAction.CHANGE, "referral", referralId, "step");
            return null;
        });
    }

    @Override
    public synchronized void setStatus(long referralId, ReferralStatus status) {
        if (status == null || status == ReferralStatus.ENDED) {
            throw new IllegalArgumentException("To end a referral, record its end date and reason.");
        }
        write("changing a referral's status", "The status was not saved.", dsl -> {
            int changed = dsl.update(REFERRAL)
                    .set(REFERRAL.STATUS, status.code())
                    .setNull(REFERRAL.END_DATE)
                    .setNull(REFERRAL.END_REASON)
                    .setNull(REFERRAL.EMPLOYMENT_AT_END)
                    .set(REFERRAL.UPDATED_AT, now())
                    .where(REFERRAL.ID.eq(referralId))
                    .execute();
            if (changed == 0) {
                throw new Refusal(NO_SUCH_REFERRAL);
            }
            AuditTrail.append(dsl, AuditAction.CHANGE, "referral", referralId, "status");
            return null;
        });
    }

    @Override
    public synchronized void endReferral(long referralId, LocalDate endDate, EndReason reason) {
        if (endDate == null || reason == null) {
            throw new IllegalArgumentException("Ending a referral needs its end date and reason.");
        }
        if (endDate.isAfter(LocalDate.now())) {
            throw new IllegalArgumentException("A referral cannot end in the future.");
        }
        write("ending a referral", "The referral's ending was not saved.", dsl -> {
            ReferralDates referral = referralRow(dsl, referralId);
            if (endDate.isBefore(referral.referralDate())) {
                throw new Refusal("A referral cannot end before its referral date.");
            }
            LocalDate lastContact = dsl.select(DSL.max(CONTACT.CONTACT_DATE))
                    .from(CONTACT)
                    .where(CONTACT.REFERRAL_ID.eq(referralId))
                    .fetchSingle(0, LocalDate.class);
            if (lastContact != null && endDate.isBefore(lastContact)) {
                throw new Refusal("A referral cannot end before its last contact.");
            }
            dsl.update(REFERRAL)
                    .set(REFERRAL.STATUS, ReferralStatus.ENDED.code())
                    .set(REFERRAL.END_DATE, endDate)
                    .set(REFERRAL.END_REASON, reason.code())
                    .set(REFERRAL.UPDATED_AT, now())
                    .where(REFERRAL.ID.eq(referralId))
                    .execute();
            AuditTrail.append(dsl, AuditAction.CHANGE, "referral", referralId, "ending");
            return null;
        });
    }

    @Override
    public synchronized List<ReferralRecord> referralRecords() {
        return read("reading referrals for the outcome rules", "The referrals could not be read.",
                dsl -> referralRecords(dsl, null));
    }

    /**
     * Kept between calls until the next write of any kind, since every patient opened asks for them
     * (for the expected corridor) and they change only when something is written.
     */
    @Override
    public synchronized List<ReferralRecord> endedReferralRecords() {
        if (endedRecords == null || endedRecordsAtWrite != writes.get()) {
            long at = writes.get();
            endedRecords = read("reading ended referrals for the expected corridor", "The referrals could not be read.",
                    dsl -> referralRecords(dsl, REFERRAL.END_DATE.isNotNull()));
            endedRecordsAtWrite = at;
        }
        return endedRecords;
    }

    @Override
    public synchronized Optional<ReferralRecord> referralRecord(long referralId) {
        return read("reading a referral for the outcome rules", "The referral could not be read.",
                dsl -> referralRecords(dsl, REFERRAL.ID.eq(referralId)).stream().findFirst());
    }

    @Override
    public synchronized ImportCounts importCaseload(List<PatientHistory> patients) {
        if (patients == null) {
            throw new IllegalArgumentException("There is no caseload to import.");
        }
        CaseloadImport caseloadImport = new CaseloadImport(rules);
        caseloadImport.check(patients, LocalDate.now());
        ImportCounts counts = write("importing a caseload", "The caseload was not imported.",
                dsl -> {
                    ImportCounts written = caseloadImport.write(dsl, patients);
                    AuditTrail.append(dsl, AuditAction.CREATE, null, null, "import: " + written.patients()
                            + " patients, " + written.referrals() + " referrals, " + written.contacts() + " contacts");
                    return written;
                });
        LOG.log(System.Logger.Level.INFO, "Imported {0} patients, {1} referrals, {2} contacts",
                counts.patients(), counts.referrals(), counts.contacts());
        return counts;
    }

    @Override
    public synchronized Optional<byte[]> serviceKey() {
        return read("reading the service key", "The service key could not be read.", dsl -> dsl
                .select(SERVICE_KEY.KEY_BYTES)
                .from(SERVICE_KEY)
                .where(SERVICE_KEY.ID.eq(1))
                .fetchOptional(SERVICE_KEY.KEY_BYTES)
                .map(byte[]::clone));
    }

    @Override
    public synchronized void saveServiceKey(byte[] key, String origin) {
        if (key == null || key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("A service key has " + MIN_KEY_BYTES + " to " + MAX_KEY_BYTES + " bytes.");
        }
        if (!KEY_ORIGINS.contains(origin)) {
            throw new IllegalArgumentException("A service key is either generated here or imported.");
        }
        byte[] copy = key.clone();
        try {
            write("saving the service key", "The service key was not saved.", dsl -> {
                dsl.deleteFrom(SERVICE_KEY).execute();
                dsl.insertInto(SERVICE_KEY)
                        .set(SERVICE_KEY.ID, 1)
                        .set(SERVICE_KEY.KEY_BYTES, copy)
                        .set(SERVICE_KEY.FINGERPRINT, fingerprint(copy))
                        .set(SERVICE_KEY.ORIGIN, origin)
                        .set(SERVICE_KEY.CREATED_AT, now())
                        .execute();
                AuditTrail.append(dsl, AuditAction.CHANGE, "service_key", 1L, origin);
                return null;
            });
        } finally {
            Arrays.fill(copy, (byte) 0);
        }
    }

    @Override
    public AuditLog audit() {
        return auditLog;
    }

    @Override
    public synchronized void backupTo(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("Choose where the backup goes.");
        }
        Path target = file.toAbsolutePath();
        if (Files.exists(target) || Files.isSymbolicLink(target)) {
            throw new IllegalArgumentException("There is already a file at " + org.stepwise.files.PlainFiles.shown(target)
                    + ": choose a new name.");
        }
        backup(target, "to a chosen file");
    }

    /**
     * A new automatic backup in {@code backups/} (never replacing one: each has its own time in its name;
     * a daily one only when there is none of today yet), verified before it is named, then old ones pruned
     * ({@link StoreBackup#prune}): only after this newer one verified. A failure never stops the
     * practitioner's work: it is logged, kept for {@link #automaticBackupFailure()} and returned; a backup
     * written clears the one kept.
     */
    synchronized Optional<BackupFailure> automaticBackup(LocalDateTime now, BackupFailure.Occasion occasion) {
        try {
            checkOpen();
            if (occasion == BackupFailure.Occasion.DAILY && StoreBackup.hasAutomatic(database.dataDir(), now.toLocalDate())) {
                return Optional.ofNullable(backupFailure);
            }
            Path target = StoreBackup.automaticFile(database.dataDir(), now);
            writeVerifiedBackup(target);
            recordBackup("automatic, " + switch (occasion) {
                case DAILY -> "daily";
                case ON_CLOSE -> "on close";
                case ON_DEMAND -> "asked for again";
            });
            StoreBackup.prune(database.dataDir());
            backupFailure = null;
        } catch (IOException | RuntimeException e) {
            StoreErrors.log("making the automatic backup", e);
            backupFailure = StoreBackup.failure(occasion, e);
            LOG.log(System.Logger.Level.WARNING, "The automatic backup was not written: {0}", backupFailure.reason());
        }
        return Optional.ofNullable(backupFailure);
    }

    /** Writes a backup to {@code target}, verified against the rows the store holds now ({@link StoreBackup}). */
    private void writeVerifiedBackup(Path target) throws IOException {
        Map<String, Long> counts = database.dsl().connectionResult(PassphraseChange::rowCounts);
        StoreBackup.write(database.dsl(), database.dataDir(), target, partial -> database.verifyBackup(partial, counts));
    }

    /** Leaves the day's first automatic backup to {@link #dailyBackup()} (the unlock of the application's stores). */
    synchronized void dailyBackupDue() {
        dailyBackupDue = true;
    }

    @Override
    public synchronized Optional<BackupFailure> dailyBackup() {
        if (dailyBackupDue && !closed) {
            dailyBackupDue = false;
            automaticBackup(LocalDateTime.now(), BackupFailure.Occasion.DAILY);
        }
        return Optional.ofNullable(backupFailure);
    }

    @Override
    public Optional<String> recovered() {
        return Optional.ofNullable(recovered);
    }

    @Override
    public synchronized Optional<String> auditAnchorProblem() {
        return Optional.ofNullable(anchorProblem);
    }

    @Override
    public synchronized Optional<BackupFailure> automaticBackupFailure() {
        return Optional.ofNullable(backupFailure);
    }

    @Override
    public synchronized Optional<BackupFailure> backUpNow() {
        checkOpen();
        return automaticBackup(LocalDateTime.now(), BackupFailure.Occasion.ON_DEMAND);
    }

    private void backup(Path target, String detail) {
        checkOpen();
        try {
            writeVerifiedBackup(target);
        } catch (StoreBackup.NotVerified e) {
            StoreErrors.log("verifying a backup", e);
            throw new StoreException("The backup was written but did not read back whole, so it was removed: "
                    + "check the disk. Earlier backups were not touched.");
        } catch (IOException | RuntimeException e) {
            throw StoreErrors.translate("making a backup", "The backup was not written.", e);
        }
        recordBackup(detail);
    }

    private void recordBackup(String detail) {
        write("recording a backup", "The backup was written but could not be recorded in the audit log.", dsl -> {
            AuditTrail.append(dsl, AuditAction.BACKUP, null, null, detail);
            return null;
        });
        LOG.log(System.Logger.Level.INFO, "Wrote a backup ({0})", detail);
    }

    /**
     * Writes the unlock that opened this store to the audit log, after the refused unlocks noted since
     * the last one (each with its own time), in one transaction. What the file of refused unlocks held
     * that was passed over is said in the unlock's event. If the refusals cannot be written, the unlock
     * is written alone, saying so: nothing in that file can stop an unlock.
     */
    synchronized void recordUnlock(UnlockFailures.Pending refusedBefore) {
        Optional<String> note = refusedBefore.note();
        note.ifPresent(text -> LOG.log(System.Logger.Level.WARNING, "At unlock: {0}", text));
        try {
            write("recording the unlock", "The unlock could not be recorded.", dsl -> {
                for (Instant refused : refusedBefore.times()) {
                    AuditTrail.append(dsl, refused, AuditAction.UNLOCK_FAILED, null, null, "noted at " + refused);
                }
                AuditTrail.append(dsl, AuditAction.UNLOCK, null, null, unlockDetail(note.orElse(null)));
                return null;
            });
        } catch (StoreException e) {
            if (refusedBefore.times().isEmpty()) {
                throw e;
            }
            write("recording the unlock", "The unlock could not be recorded.", dsl -> {
                AuditTrail.append(dsl, AuditAction.UNLOCK, null, null,
                        unlockDetail(UnlockFailures.FILE_NAME + ": the refused unlocks in it could not be recorded"));
                return null;
            });
        }
    }

    /** The unlock event's detail: the anchor finding and the note on refused unlocks, within the column's 200 characters. */
    private String unlockDetail(String refusalsNote) {
        String anchor = anchorProblem == null ? null : "the audit anchor check failed";
        String detail = anchor == null ? refusalsNote : refusalsNote == null ? anchor : anchor + "; " + refusalsNote;
        return detail == null || detail.length() <= 200 ? detail : detail.substring(0, 199) + "…";
    }

    /**
     * Refuses, with a {@link StoreException} naming each code, a store whose scores name a measure the
     * measure table it was opened with does not define ({@link StoredMeasures}). Reads only.
     */
    synchronized void checkMeasures() {
        List<String> unknown = read("checking the stored measures", "The store's scores could not be checked.",
                dsl -> StoredMeasures.unknown(dsl, catalogue));
        StoredMeasures.refusal(unknown, catalogue).ifPresent(refusal -> {
            LOG.log(System.Logger.Level.WARNING, "Unlock refused: {0} stored measure code(s) not in the measure table",
                    unknown.size());
            throw new StoreException(refusal);
        });
    }

    /**
     * Checks the audit log against its anchor ({@link AuditAnchor}) before anything is added to it, and
     * anchors it when it passes. When it fails, the failure is kept for {@link AuditLog#verify()} and the
     * anchor is left as it is: it is the evidence, until a restore anchors the store again.
     */
    synchronized Optional<String> checkAuditAnchor() {
        checkOpen();
        try {
            anchorProblem = AuditAnchor.problem(database.dsl(), database.dataDir(), database.anchorKey()).orElse(null);
            anchoredInStore = AuditAnchor.anchored(database.dsl());
        } catch (RuntimeException e) {
            StoreErrors.log("checking the audit anchor", e);
            anchorProblem = "the audit log's anchor could not be checked";
        }
        if (anchorProblem != null) {
            LOG.log(System.Logger.Level.WARNING, "Audit anchor check failed: {0}", anchorProblem);
        }
        anchorAudit();
        return Optional.ofNullable(anchorProblem);
    }

    /**
     * Writes the audit anchor for the log's last event, after a commit (skipped when nothing was added
     * since, or while an anchor check failure stands). A failure is logged and leaves the anchor behind
     * the log, which the check allows: the next write tries again.
     */
    private void anchorAudit() {
        if (anchorProblem != null) {
            return;
        }
        try {
            AuditAnchor.Mark last = AuditAnchor.last(database.dsl());
            if (last.event() == anchoredEvent) {
                return;
            }
            AuditAnchor.write(database.dataDir(), database.anchorKey(), last);
            anchoredEvent = last.event();
            if (!anchoredInStore) {
                database.dsl().transaction(configuration -> AuditAnchor.markAnchored(configuration.dsl()));
                anchoredInStore = true;
            }
        } catch (IOException | RuntimeException e) {
            StoreErrors.log("writing the audit anchor", e);
        }
    }

    /** Closes the store and releases the data folder. Closing twice is harmless. */
    @Override
    public synchronized void close() {
        if (!closed) {
            // The closing backup is the day's backup too when the daily one was never asked for.
            dailyBackupDue = false;
            if (backupOnClose) {
                automaticBackup(LocalDateTime.now(), BackupFailure.Occasion.ON_CLOSE);
            }
            closed = true;
            database.close();
        }
    }

    /** Whether closing makes today's automatic backup first (the application's stores do). */
    synchronized void backUpOnClose(boolean on) {
        backupOnClose = on;
    }

    /** The store's database, for tests in this package that check what the schema holds. */
    Database database() {
        return database;
    }

    // ---- reading rows into domain values

    /** A referral's dates, which every change to its contacts and steps is checked against. */
    private record ReferralDates(LocalDate referralDate, LocalDate endDate) {
    }

    private static ReferralDates referralRow(DSLContext dsl, long referralId) {
        return dsl.select(REFERRAL.REFERRAL_DATE, REFERRAL.END_DATE)
                .from(REFERRAL)
                .where(REFERRAL.ID.eq(referralId))
                .fetchOptional(r -> new ReferralDates(r.value1(), r.value2()))
                .orElseThrow(() -> new Refusal(NO_SUCH_REFERRAL));
    }

    /** Contacts matching the condition, by date then recording order, with their scores and risk reviews. */
    private List<Contact> contacts(DSLContext dsl, Condition condition) {
        var rows = dsl.selectFrom(CONTACT)
                .where(condition)
                .orderBy(CONTACT.CONTACT_DATE, CONTACT.ID)
                .fetch();
        Map<Long, List<Score>> scores = scores(dsl, condition);
        Map<Long, RiskReview> reviews = riskReviews(dsl, condition);
        return rows.stream().map(r -> new Contact(r.getId(), r.getReferralId(), r.getContactDate(),
                Coded.of(ContactType.class, r.getContactType()), Coded.of(Medium.class, r.getMedium()),
                Coded.of(Attendance.class, r.getAttendance()), r.getStep(), r.getMinutes(), r.getTherapyType(),
                r.getNote(), scores.getOrDefault(r.getId(), List.of()), reviews.get(r.getId()))).toList();
    }

    /** The scores of the contacts matching the condition, by contact id, each list in measure order. */
    private Map<Long, List<Score>> scores(DSLContext dsl, Condition contactCondition) {
        Map<Long, List<Score>> scores = dsl.selectFrom(SCORE)
                .where(SCORE.CONTACT_ID.in(DSL.select(CONTACT.ID).from(CONTACT).where(contactCondition)))
                .fetchGroups(SCORE.CONTACT_ID, r -> {
                    MeasureCode measure = StoredMeasures.code(catalogue, r.getMeasure());
                    return new Score(measure, ReferralRecords.asRecorded(catalogue, r.getTotal(), measure),
                            ScoreItems.parse(r.getItems()));
                });
        scores.values().forEach(list -> list.sort(Comparator.comparing(Score::measure)));
        return scores;
    }

    private static Map<Long, RiskReview> riskReviews(DSLContext dsl, Condition contactCondition) {
        return dsl.selectFrom(RISK_REVIEW)
                .where(RISK_REVIEW.CONTACT_ID.in(DSL.select(CONTACT.ID).from(CONTACT).where(contactCondition)))
                .fetchMap(RISK_REVIEW.CONTACT_ID, r -> new RiskReview(Coded.of(RiskLevel.class, r.getRiskLevel()),
                        r.getNote(), r.getReviewedAt().toInstant()));
    }

    /** Referrals matching the condition (null: all) as the clinical rules see them: {@link ReferralRecords}. */
    private List<ReferralRecord> referralRecords(DSLContext dsl, Condition referralCondition) {
        return ReferralRecords.read(dsl, catalogue, referralCondition);
    }

    private static Patient toPatient(PatientRecord r) {
        return new Patient(r.getId(), NhsNumber.parse(r.getNhsNumber()), r.getGivenName(), r.getFamilyName(),
                r.getDateOfBirth(), Coded.of(Gender.class, r.getGender()), Ethnicity.valueOf(r.getEthnicity()),
                r.getPhone(), r.getEmail(), r.getAddress(), r.getPostcode(), r.getGpPractice());
    }

    private static CaseloadRow caseloadRow(Record r, Map<Long, Integer> currentSteps) {
        long referralId = r.get(REFERRAL.ID);
        Integer step = currentSteps.get(referralId);
        if (step == null) {
            throw new IllegalStateException("Referral " + referralId + " has no step.");
        }
        return new CaseloadRow(referralId, r.get(REFERRAL.PATIENT_ID), r.get(PATIENT.FAMILY_NAME),
                r.get(PATIENT.GIVEN_NAME), NhsNumber.parse(r.get(PATIENT.NHS_NUMBER)), step,
                Coded.of(ReferralStatus.class, r.get(REFERRAL.STATUS)), r.get(REFERRAL.REFERRAL_DATE));
    }

    // ---- writing domain values into rows

    private static Map<Field<?>, Object> patientFields(Patient patient) {
        Map<Field<?>, Object> fields = new LinkedHashMap<>();
        fields.put(PATIENT.NHS_NUMBER, patient.nhsNumber().digits());
        fields.put(PATIENT.GIVEN_NAME, patient.givenName());
        fields.put(PATIENT.FAMILY_NAME, patient.familyName());
        fields.put(PATIENT.DATE_OF_BIRTH, patient.dateOfBirth());
        fields.put(PATIENT.GENDER, patient.gender().code());
        fields.put(PATIENT.ETHNICITY, patient.ethnicity().code());
        fields.put(PATIENT.PHONE, patient.phone());
        fields.put(PATIENT.EMAIL, patient.email());
        fields.put(PATIENT.ADDRESS, patient.address());
        fields.put(PATIENT.POSTCODE, patient.postcode());
        fields.put(PATIENT.GP_PRACTICE, patient.gpPractice());
        return fields;
    }

    private static Map<Field<?>, Object> contactFields(Contact contact) {
        Map<Field<?>, Object> fields = new LinkedHashMap<>();
        fields.put(CONTACT.CONTACT_DATE, contact.date());
        fields.put(CONTACT.CONTACT_TYPE, contact.type().code());
        fields.put(CONTACT.MEDIUM, contact.medium().code());
        fields.put(CONTACT.ATTENDANCE, contact.attendance().code());
        fields.put(CONTACT.STEP, (short) contact.step());
        fields.put(CONTACT.MINUTES, contact.minutes());
        fields.put(CONTACT.THERAPY_TYPE, contact.therapyType());
        fields.put(CONTACT.NOTE, contact.note());
        return fields;
    }

    private static void insertMeasures(DSLContext dsl, long contactId, Contact contact) {
        for (Score score : contact.scores()) {
            dsl.insertInto(SCORE)
                    .set(SCORE.CONTACT_ID, contactId)
                    .set(SCORE.MEASURE, score.measure().name())
                    .set(SCORE.TOTAL, score.total())
                    .set(SCORE.ITEMS, ScoreItems.format(score.items()))
                    .execute();
        }
        RiskReview review = contact.riskReview();
        if (review != null) {
            dsl.insertInto(RISK_REVIEW)
                    .set(RISK_REVIEW.CONTACT_ID, contactId)
                    .set(RISK_REVIEW.RISK_LEVEL, review.level().code())
                    .set(RISK_REVIEW.NOTE, review.note())
                    .set(RISK_REVIEW.REVIEWED_AT, utc(review.reviewedAt()))
                    .execute();
        }
    }

    /** Keeps the contact as it is now (row, scores, risk review) as its next version, in the caller's transaction. */
    private void keepVersion(DSLContext dsl, long contactId, ContactVersion.Change change) {
        Contact current = contacts(dsl, CONTACT.ID.eq(contactId)).getFirst();
        int version = dsl.select(DSL.coalesce(DSL.max(CONTACT_VERSION.VERSION), 0))
                .from(CONTACT_VERSION)
                .where(CONTACT_VERSION.CONTACT_ID.eq(contactId))
                .fetchSingle(0, Integer.class) + 1;
        dsl.insertInto(CONTACT_VERSION)
                .set(CONTACT_VERSION.CONTACT_ID, contactId)
                .set(CONTACT_VERSION.VERSION, version)
                .set(CONTACT_VERSION.CHANGE_KIND, change.name().toLowerCase(Locale.ROOT))
                .set(CONTACT_VERSION.CONTENT, ContactText.write(current))
                .set(CONTACT_VERSION.CHANGED_BY, dsl.select(PRACTITIONER_PROFILE.PRACTITIONER_UID)
                        .from(PRACTITIONER_PROFILE).where(PRACTITIONER_PROFILE.ID.eq(1))
                        .fetchSingle(PRACTITIONER_PROFILE.PRACTITIONER_UID))
                .set(CONTACT_VERSION.CHANGED_AT, now())
                .execute();
    }

    private static void touch(DSLContext dsl, long referralId) {
        dsl.update(REFERRAL).set(REFERRAL.UPDATED_AT, now()).where(REFERRAL.ID.eq(referralId)).execute();
    }

    /** First 16 hex digits of SHA-256 of the key: shown and exported in place of the key. */
    static String fingerprint(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new StoreException("This Java runtime cannot compute a key fingerprint (SHA-256 is missing).");
        }
    }

    // ---- the audit log

    /** The audit log as the rest of Stepwise sees it: each call is one transaction on the store's connection. */
    private final class StoreAuditLog implements AuditLog {

        @Override
        public List<AuditEvent> events(AuditQuery query) {
            if (query == null || query.backwards()) {
                throw new IllegalArgumentException("The period ends before it starts.");
            }
            synchronized (JooqCaseloadStore.this) {
                return read("reading the audit log", "The audit log could not be read.",
                        dsl -> AuditTrail.events(dsl, query));
            }
        }

        @Override
        public AuditCheck verify() {
            synchronized (JooqCaseloadStore.this) {
                AuditCheck chain = read("checking the audit log", "The audit log could not be checked.", AuditTrail::verify);
                if (anchorProblem == null) {
                    anchorProblem = read("checking the audit anchor", "The audit log could not be checked.",
                            dsl -> AuditAnchor.problem(dsl, database.dataDir(), database.anchorKey()).orElse(null));
                }
                return new AuditCheck(chain.events(), chain.firstBrokenId(), Optional.ofNullable(anchorProblem));
            }
        }

        @Override
        public AuditHead head() {
            synchronized (JooqCaseloadStore.this) {
                return read("reading the audit log's head", "The audit log could not be read.", AuditTrail::head);
            }
        }

        @Override
        public void recordExport(String detail) {
            synchronized (JooqCaseloadStore.this) {
                write("recording an export", "The export could not be recorded in the audit log.", dsl -> {
                    AuditTrail.append(dsl, AuditAction.EXPORT, null, null, detail);
                    return null;
                });
            }
        }
    }

    // ---- transactions

    private <T> T read(String action, String failure, Function<DSLContext, T> work) {
        checkOpen();
        try {
            return database.dsl().transactionResult(configuration -> work.apply(configuration.dsl()));
        } catch (Refusal | StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw StoreErrors.translate(action, failure, e);
        }
    }

    private <T> T write(String action, String failure, Function<DSLContext, T> work) {
        return write(action, failure, true, work);
    }

    /** A read that writes only its line of the audit log: it leaves what the store keeps from reads as it is. */
    private <T> T auditedRead(String action, String failure, Function<DSLContext, T> work) {
        return write(action, failure, false, work);
    }

    private <T> T write(String action, String failure, boolean changesRecords, Function<DSLContext, T> work) {
        checkOpen();
        T result;
        try {
            result = database.dsl().transactionResult(configuration -> work.apply(configuration.dsl()));
        } catch (Refusal | StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw StoreErrors.translate(action, failure, e);
        } finally {
            if (changesRecords) {
                writes.incrementAndGet();
            }
        }
        try {
            database.syncToDisk();
        } catch (RuntimeException e) {
            StoreErrors.log(action + " (forcing to disk)", e);
            throw new StoreException("The change was made, but the disk did not confirm it was written "
                    + "(it may be full or failing). Close Stepwise, open it again and check the record.");
        }
        anchorAudit();
        return result;
    }

    private void checkOpen() {
        if (closed) {
            throw new StoreException("The store is closed. Unlock it again to continue.");
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** An instant as stored: UTC, to the microsecond (the column's precision). */
    private static OffsetDateTime utc(java.time.Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
