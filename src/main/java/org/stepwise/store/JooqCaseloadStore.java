package org.stepwise.store;

import static org.stepwise.store.generated.Tables.CONTACT;
import static org.stepwise.store.generated.Tables.CONTACT_VERSION;
import static org.stepwise.store.generated.Tables.PATIENT;
import static org.stepwise.store.generated.Tables.PRACTITIONER_PROFILE;
import static org.stepwise.store.generated.Tables.REFERRAL;
import static org.stepwise.store.generated.Tables.RISK_REVIEW;
import static org.stepwise.store.generated.Tables.SCORE;
import static org.stepwise.store.generated.Tables.STEP_CHANGE;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.stepwise.domain.audit.AuditAction;
import org.stepwise.domain.audit.AuditLog;
import org.stepwise.domain.caseload.BackupFailure;
import org.stepwise.domain.caseload.CaseloadRow;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.ImportCounts;
import org.stepwise.domain.caseload.NewReferral;
import org.stepwise.domain.caseload.PatientHistory;
import org.stepwise.domain.caseload.ReferralCreated;
import org.stepwise.domain.caseload.StoredReferral;
import org.stepwise.domain.caseload.WrongPassphraseException;
import org.stepwise.domain.common.Coded;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactRules;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.ContactVersion;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.contact.RiskReview;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.outcome.RiskLevel;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.measure.ProblemDescriptor;
import org.stepwise.domain.referral.Employment;
import org.stepwise.domain.referral.EndReason;
import org.stepwise.domain.referral.Referral;
import org.stepwise.domain.referral.ReferralRules;
import org.stepwise.domain.referral.ReferralStatus;
import org.stepwise.store.generated.tables.records.PatientRecord;

/**
 * The caseload store over jOOQ and the encrypted H2 database. Every public method is one transaction
 * of the store's {@link StoreSession} on its single connection, under one lock, so a call from a second
 * thread waits rather than interleaving; settings, maintenance and the audit log are their own repositories
 * over the same session ({@link JooqSettingsStore}, {@link JooqMaintenanceStore}, {@link JooqAuditLog}). A
 * write returns only once its transaction is committed and on disk. Contacts are checked against the
 * measure catalogue the store was opened with.
 */
final class JooqCaseloadStore implements CaseloadStore {

    private static final String NO_SUCH_REFERRAL = StoredReferrals.NO_SUCH_REFERRAL;
    private static final String NO_SUCH_CONTACT = "That contact is not in the store.";

    private static final System.Logger LOG = System.getLogger(JooqCaseloadStore.class.getName());

    private final StoreSession session;
    private final MeasureCatalogue catalogue;
    private final ContactRules contactRules;
    private final ReferralRules referralRules;
    private final JooqSettingsStore settings;
    private final JooqMaintenanceStore maintenance;
    private final JooqAuditLog audit;
    private final AutomaticBackups backups;
    /** The ended referrals as last read, and the session's count of writes then; null until read. */
    private List<ReferralRecord> endedRecords;
    private long endedRecordsAtWrite;

    JooqCaseloadStore(Database database, MeasureCatalogue catalogue, Clock clock) {
        session = new StoreSession(database, clock);
        this.catalogue = catalogue;
        this.contactRules = new ContactRules(catalogue, clock);
        this.referralRules = new ReferralRules(clock);
        audit = new JooqAuditLog(session);
        backups = new AutomaticBackups(session, audit);
        settings = new JooqSettingsStore(session, audit);
        maintenance = new JooqMaintenanceStore(session, audit, backups, catalogue, database.recovered());
    }


    @Override
    public ReferralCreated createReferral(Patient patient, NewReferral referral) {
        if (patient == null || referral == null) {
            throw new IllegalArgumentException("A referral needs its patient and its details.");
        }
        return session.write("creating a referral", "The referral was not saved.", dsl -> {
            OffsetDateTime now = session.now();
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
                session.audit(dsl, AuditAction.CREATE, "patient", patientId, null);
            }
            session.audit(dsl, AuditAction.CREATE, "referral", referralId, null);
            return new ReferralCreated(referralId, patientId, existingId != null);
        });
    }

    @Override
    public Optional<Patient> findPatient(NhsNumber nhsNumber) {
        if (nhsNumber == null) {
            throw new IllegalArgumentException("Looking up a patient needs an NHS number.");
        }
        return session.read("finding a patient", "The patient could not be looked up.", dsl -> dsl
                .selectFrom(PATIENT)
                .where(PATIENT.NHS_NUMBER.eq(nhsNumber.digits()))
                .fetchOptional(JooqCaseloadStore::toPatient));
    }

    @Override
    public Optional<Patient> patient(long patientId) {
        return session.read("reading a patient", "The patient could not be read.", dsl -> dsl
                .selectFrom(PATIENT)
                .where(PATIENT.ID.eq(patientId))
                .fetchOptional(JooqCaseloadStore::toPatient));
    }

    @Override
    public Patient updatePatient(Patient patient) {
        if (patient == null || patient.id() == null) {
            throw new IllegalArgumentException("Only a stored patient can be changed.");
        }
        long id = patient.id();
        return session.write("changing a patient", "The patient's details were not saved.", dsl -> {
            if (!dsl.fetchExists(PATIENT, PATIENT.ID.eq(id))) {
                throw new Refusal("That patient is not in the store.");
            }
            if (dsl.fetchExists(PATIENT, PATIENT.NHS_NUMBER.eq(patient.nhsNumber().digits()).and(PATIENT.ID.ne(id)))) {
                throw new Refusal("Another patient already has this NHS number.");
            }
            dsl.update(PATIENT)
                    .set(patientFields(patient))
                    .set(PATIENT.UPDATED_AT, session.now())
                    .where(PATIENT.ID.eq(id))
                    .execute();
            session.audit(dsl, AuditAction.CHANGE, "patient", id, "details");
            return dsl.selectFrom(PATIENT).where(PATIENT.ID.eq(id)).fetchSingle(JooqCaseloadStore::toPatient);
        });
    }

    @Override
    public List<CaseloadRow> caseload() {
        return session.read("reading the caseload", "The caseload could not be read.", dsl -> {
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
    public Optional<Referral> referral(long referralId) {
        return session.read("reading a referral", "The referral could not be read.",
                dsl -> StoredReferrals.read(dsl, REFERRAL.ID.eq(referralId)).stream().findFirst());
    }

    @Override
    public Optional<Referral> referralByUuid(UUID uuid) {
        if (uuid == null) {
            throw new IllegalArgumentException("Finding a referral by its identity needs the identity.");
        }
        return session.read("finding a referral", "The referral could not be looked up.",
                dsl -> StoredReferrals.read(dsl, REFERRAL.UUID.eq(uuid.toString())).stream().findFirst());
    }

    @Override
    public Optional<Referral> viewReferral(long referralId) {
        return session.auditedRead("reading a referral", "The referral could not be read.", dsl -> {
            Optional<Referral> referral = StoredReferrals.read(dsl, REFERRAL.ID.eq(referralId)).stream().findFirst();
            if (referral.isPresent()) {
                session.audit(dsl, AuditAction.VIEW, "referral", referralId, null);
            }
            return referral;
        });
    }

    @Override
    public List<Referral> referralsOf(long patientId) {
        return session.read("reading a patient's referrals", "The patient's referrals could not be read.",
                dsl -> StoredReferrals.read(dsl, REFERRAL.PATIENT_ID.eq(patientId)));
    }

    @Override
    public List<Contact> contacts(long referralId) {
        return session.read("reading contacts", "The contacts could not be read.",
                dsl -> contacts(dsl, CONTACT.REFERRAL_ID.eq(referralId)));
    }

    @Override
    public int referralCount() {
        return session.read("counting referrals", "The referrals could not be counted.", dsl -> dsl.fetchCount(REFERRAL));
    }

    /**
     * One chunk in one read transaction: the chunk's ids first, then its referrals with their steps, their
     * patients, and their contacts with scores and risk reviews, each a query over the chunk's id range,
     * read with the same row mappings as {@link #referral}, {@link #patient} and {@link #contacts}.
     */
    @Override
    public List<StoredReferral> referralsAfter(long afterReferralId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("A chunk of referrals holds at least one.");
        }
        return session.read("reading a chunk of referrals", "The referrals could not be read.", dsl -> {
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
    public Contact saveContact(Contact contact) {
        Refusal.refuse(contactRules.contentProblem(contact));
        return session.write("saving a contact", "The contact was not saved.", dsl -> {
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
            Refusal.refuse(contactRules.dateProblem(contact.date(), referral.referralDate(), referral.endDate())
                    .map(ContactRules.DateProblem::message));
            OffsetDateTime now = session.now();
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
            session.audit(dsl, id == null ? AuditAction.CREATE : AuditAction.CHANGE, "contact", contactId, null);
            return contacts(dsl, CONTACT.ID.eq(contactId)).getFirst();
        });
    }

    @Override
    public void deleteContact(long contactId) {
        session.write("deleting a contact", "The contact was not deleted.", dsl -> {
            if (!dsl.fetchExists(CONTACT, CONTACT.ID.eq(contactId))) {
                throw new Refusal(NO_SUCH_CONTACT);
            }
            keepVersion(dsl, contactId, ContactVersion.Change.DELETED);
            dsl.deleteFrom(CONTACT).where(CONTACT.ID.eq(contactId)).execute();
            session.audit(dsl, AuditAction.DELETE, "contact", contactId, null);
            return null;
        });
    }

    @Override
    public List<ContactVersion> contactHistory(long contactId) {
        return session.read("reading a contact's history", "The contact's earlier versions could not be read.", dsl -> dsl
                .selectFrom(CONTACT_VERSION)
                .where(CONTACT_VERSION.CONTACT_ID.eq(contactId))
                .orderBy(CONTACT_VERSION.VERSION)
                .fetch(this::version));
    }

    @Override
    public List<ContactVersion> deletedContacts(long referralId) {
        return session.read("reading deleted contacts", "The deleted contacts could not be read.", dsl -> dsl
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
    public void setProblemDescriptor(long referralId, ProblemDescriptor problem) {
        Objects.requireNonNull(problem, "problem");
        session.write("recording a problem descriptor", "The problem descriptor was not saved.", dsl -> {
            referralRow(dsl, referralId);
            dsl.update(REFERRAL)
                    .set(REFERRAL.PROBLEM_DESCRIPTOR, problem.code())
                    .where(REFERRAL.ID.eq(referralId))
                    .execute();
            touch(dsl, referralId);
            session.audit(dsl, AuditAction.CHANGE, "referral", referralId, "problem descriptor");
            return null;
        });
    }

    @Override
    public void recordEmployment(long referralId, Employment employment) {
        Objects.requireNonNull(employment, "employment");
        session.write("recording employment", "The employment details were not saved.", dsl -> {
            StoredReferrals.recordEmployment(dsl, referralId, employment, session.now());
            return null;
        });
    }

    @Override
    public void changeStep(long referralId, LocalDate effectiveDate, int step) {
        session.write("changing a step", "The step change was not saved.", dsl -> {
            ReferralDates referral = referralRow(dsl, referralId);
            Refusal.refuse(referralRules.stepChangeProblem(referral.referralDate(), referral.endDate(), effectiveDate, step)
                    .map(ReferralRules.StepProblem::message));
            dsl.insertInto(STEP_CHANGE)
                    .set(STEP_CHANGE.REFERRAL_ID, referralId)
                    .set(STEP_CHANGE.EFFECTIVE_DATE, effectiveDate)
                    .set(STEP_CHANGE.STEP, (short) step)
                    .set(STEP_CHANGE.CREATED_AT, session.now())
                    .execute();
            touch(dsl, referralId);
            session.audit(dsl, AuditAction.CHANGE, "referral", referralId, "step");
            return null;
        });
    }

    @Override
    public void setStatus(long referralId, ReferralStatus status) {
        Refusal.refuse(ReferralRules.statusProblem(status));
        session.write("changing a referral's status", "The status was not saved.", dsl -> {
            int changed = dsl.update(REFERRAL)
                    .set(REFERRAL.STATUS, status.code())
                    .setNull(REFERRAL.END_DATE)
                    .setNull(REFERRAL.END_REASON)
                    .setNull(REFERRAL.EMPLOYMENT_AT_END)
                    .set(REFERRAL.UPDATED_AT, session.now())
                    .where(REFERRAL.ID.eq(referralId))
                    .execute();
            if (changed == 0) {
                throw new Refusal(NO_SUCH_REFERRAL);
            }
            session.audit(dsl, AuditAction.CHANGE, "referral", referralId, "status");
            return null;
        });
    }

    @Override
    public void endReferral(long referralId, LocalDate endDate, EndReason reason) {
        session.write("ending a referral", "The referral's ending was not saved.", dsl -> {
            ReferralDates referral = referralRow(dsl, referralId);
            LocalDate lastContact = dsl.select(DSL.max(CONTACT.CONTACT_DATE))
                    .from(CONTACT)
                    .where(CONTACT.REFERRAL_ID.eq(referralId))
                    .fetchSingle(0, LocalDate.class);
            Refusal.refuse(referralRules.endingProblem(referral.referralDate(), lastContact, endDate, reason)
                    .map(ReferralRules.EndingProblem::message));
            dsl.update(REFERRAL)
                    .set(REFERRAL.STATUS, ReferralStatus.ENDED.code())
                    .set(REFERRAL.END_DATE, endDate)
                    .set(REFERRAL.END_REASON, reason.code())
                    .set(REFERRAL.UPDATED_AT, session.now())
                    .where(REFERRAL.ID.eq(referralId))
                    .execute();
            session.audit(dsl, AuditAction.CHANGE, "referral", referralId, "ending");
            return null;
        });
    }

    @Override
    public List<ReferralRecord> referralRecords() {
        return session.read("reading referrals for the outcome rules", "The referrals could not be read.",
                dsl -> referralRecords(dsl, null));
    }

    /**
     * Kept between calls until the next write of any kind, since every patient opened asks for them
     * (for the expected corridor) and they change only when something is written.
     */
    @Override
    public List<ReferralRecord> endedReferralRecords() {
        return session.locked(() -> {
            if (endedRecords == null || endedRecordsAtWrite != session.writes()) {
                long at = session.writes();
                endedRecords = session.read("reading ended referrals for the expected corridor",
                        "The referrals could not be read.", dsl -> referralRecords(dsl, REFERRAL.END_DATE.isNotNull()));
                endedRecordsAtWrite = at;
            }
            return endedRecords;
        });
    }

    @Override
    public Optional<ReferralRecord> referralRecord(long referralId) {
        return session.read("reading a referral for the outcome rules", "The referral could not be read.",
                dsl -> referralRecords(dsl, REFERRAL.ID.eq(referralId)).stream().findFirst());
    }

    @Override
    public ImportCounts importCaseload(List<PatientHistory> patients) {
        if (patients == null) {
            throw new IllegalArgumentException("There is no caseload to import.");
        }
        CaseloadImport caseloadImport = new CaseloadImport(contactRules, referralRules);
        caseloadImport.check(patients);
        ImportCounts counts = session.write("importing a caseload", "The caseload was not imported.",
                dsl -> {
                    ImportCounts written = caseloadImport.write(dsl, patients, session.now());
                    session.audit(dsl, AuditAction.CREATE, null, null, "import: " + written.patients()
                            + " patients, " + written.referrals() + " referrals, " + written.contacts() + " contacts");
                    return written;
                });
        LOG.log(System.Logger.Level.INFO, "Imported {0} patients, {1} referrals, {2} contacts",
                counts.patients(), counts.referrals(), counts.contacts());
        return counts;
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
                .set(CONTACT_VERSION.CHANGED_AT, session.now())
                .execute();
    }

    private void touch(DSLContext dsl, long referralId) {
        dsl.update(REFERRAL).set(REFERRAL.UPDATED_AT, session.now()).where(REFERRAL.ID.eq(referralId)).execute();
    }

    /** An instant as stored: UTC, to the microsecond (the column's precision). */
    private static OffsetDateTime utc(java.time.Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
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
    public Optional<String> recovered() {
        return maintenance.recovered();
    }

    @Override
    public AuditLog audit() {
        return audit;
    }

    /** Closes the store (after its closing backup, when it makes one) and releases the data folder. Twice is harmless. */
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
