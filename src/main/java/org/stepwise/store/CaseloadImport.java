package org.stepwise.store;

import static org.stepwise.store.generated.Tables.CONTACT;
import static org.stepwise.store.generated.Tables.PATIENT;
import static org.stepwise.store.generated.Tables.REFERRAL;
import static org.stepwise.store.generated.Tables.RISK_REVIEW;
import static org.stepwise.store.generated.Tables.SCORE;
import static org.stepwise.store.generated.Tables.STEP_CHANGE;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;
import org.jooq.Table;
import org.stepwise.domain.caseload.ImportCounts;
import org.stepwise.domain.caseload.PatientHistory;
import org.stepwise.domain.caseload.ReferralHistory;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactRules;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.referral.Employment;
import org.stepwise.domain.referral.Referral;
import org.stepwise.domain.referral.ReferralRules;
import org.stepwise.domain.referral.StepChange;

/**
 * Writes a whole caseload in one transaction with multi-row inserts of {@value #ROWS_PER_INSERT}
 * rows: patients, referrals and contacts in list order with their generated ids read back, then
 * the rows that refer to them. Everything is checked before the first row is written. A referral
 * keeps the UUID it comes with (one handed over from another store) or gets a new random one (demo
 * data), and its employment as given.
 */
final class CaseloadImport {

    static final int ROWS_PER_INSERT = 500;

    private static final String TWICE = "A referral is in the store, or in the caseload, twice: its identity (UUID) "
            + "is already taken.";

    private final ContactRules contactRules;
    private final ReferralRules referralRules;

    CaseloadImport(ContactRules contactRules, ReferralRules referralRules) {
        this.contactRules = contactRules;
        this.referralRules = referralRules;
    }

    /**
     * Refuses, with a {@link Refusal}, a caseload the store would not accept change by change: any of its
     * contacts ({@link ContactRules}), a referral as it stands ({@link ReferralRules#wholeReferralProblem}:
     * its ending, step history and employment), or one referral identity (UUID) named twice.
     */
    void check(List<PatientHistory> patients) {
        Set<UUID> uuids = new HashSet<>();
        for (PatientHistory patient : patients) {
            for (ReferralHistory history : patient.referrals()) {
                Referral referral = history.referral();
                LocalDate last = null;
                for (Contact contact : history.contacts()) {
                    Refusal.refuse(contactRules.contentProblem(contact));
                    Refusal.refuse(contactRules.dateProblem(contact.date(), referral.referralDate(), referral.endDate())
                            .map(ContactRules.DateProblem::message));
                    last = last == null || contact.date().isAfter(last) ? contact.date() : last;
                }
                Refusal.refuse(referralRules.wholeReferralProblem(referral, last));
                if (referral.uuid() != null && !uuids.add(referral.uuid())) {
                    throw new Refusal(TWICE);
                }
            }
        }
    }

    /** Writes the caseload (already checked) in the caller's transaction, each row made and changed {@code now}. */
    ImportCounts write(DSLContext dsl, List<PatientHistory> patients, OffsetDateTime now) {
        Map<String, Long> patientIds = new HashMap<>(dsl.select(PATIENT.NHS_NUMBER, PATIENT.ID).from(PATIENT)
                .fetchMap(PATIENT.NHS_NUMBER, PATIENT.ID));

        List<Patient> newPatients = new ArrayList<>();
        List<Object[]> patientRows = new ArrayList<>();
        for (PatientHistory history : patients) {
            Patient p = history.patient();
            if (!patientIds.containsKey(p.nhsNumber().digits())) {
                patientIds.put(p.nhsNumber().digits(), null);
                newPatients.add(p);
                patientRows.add(new Object[] {p.nhsNumber().digits(), p.givenName(), p.familyName(),
                        p.dateOfBirth(), p.gender().code(), p.ethnicity().code(), p.phone(), p.email(),
                        p.address(), p.postcode(), p.gpPractice(), now, now});
            }
        }
        List<Long> newIds = insert(dsl, PATIENT, List.of(PATIENT.NHS_NUMBER, PATIENT.GIVEN_NAME, PATIENT.FAMILY_NAME,
                PATIENT.DATE_OF_BIRTH, PATIENT.GENDER, PATIENT.ETHNICITY, PATIENT.PHONE, PATIENT.EMAIL,
                PATIENT.ADDRESS, PATIENT.POSTCODE, PATIENT.GP_PRACTICE, PATIENT.CREATED_AT, PATIENT.UPDATED_AT),
                patientRows, PATIENT.ID);
        for (int i = 0; i < newPatients.size(); i++) {
            patientIds.put(newPatients.get(i).nhsNumber().digits(), newIds.get(i));
        }

        List<ReferralHistory> referrals = new ArrayList<>();
        List<Object[]> referralRows = new ArrayList<>();
        List<String> given = new ArrayList<>();
        for (PatientHistory history : patients) {
            long patientId = patientIds.get(history.patient().nhsNumber().digits());
            for (ReferralHistory referralHistory : history.referrals()) {
                Referral r = referralHistory.referral();
                referrals.add(referralHistory);
                // A referral keeps the identity it comes with (a handover); a new one gets its own.
                String uuid = r.uuid() == null ? StoredReferrals.newUuid() : r.uuid().toString();
                if (r.uuid() != null) {
                    given.add(uuid);
                }
                Employment employment = r.employment();
                referralRows.add(new Object[] {patientId, uuid, r.referralDate(), r.source().code(),
                        r.problemDescriptor(), r.status().code(), r.endDate(),
                        r.endReason() == null ? null : r.endReason().code(),
                        StoredReferrals.code(employment.atStart()), StoredReferrals.code(employment.atEnd()),
                        employment.support(), r.demo(), now, now});
            }
        }
        for (int from = 0; from < given.size(); from += ROWS_PER_INSERT) {
            if (dsl.fetchExists(REFERRAL, REFERRAL.UUID.in(given.subList(from, Math.min(given.size(),
                    from + ROWS_PER_INSERT))))) {
                throw new Refusal(TWICE);
            }
        }
        List<Long> referralIds = insert(dsl, REFERRAL, List.of(REFERRAL.PATIENT_ID, REFERRAL.UUID,
                REFERRAL.REFERRAL_DATE, REFERRAL.SOURCE, REFERRAL.PROBLEM_DESCRIPTOR, REFERRAL.STATUS,
                REFERRAL.END_DATE, REFERRAL.END_REASON, REFERRAL.EMPLOYMENT_AT_START, REFERRAL.EMPLOYMENT_AT_END,
                REFERRAL.EMPLOYMENT_SUPPORT, REFERRAL.DEMO, REFERRAL.CREATED_AT, REFERRAL.UPDATED_AT),
                referralRows, REFERRAL.ID);
        writeContents(dsl, referralIds, referrals, now);
        return new ImportCounts(newPatients.size(), referrals.size(),
                referrals.stream().mapToInt(r -> r.contacts().size()).sum());
    }

    /**
     * Writes, in the caller's transaction, each referral's step history and contacts (with their scores and
     * risk reviews, in list order) under the stored referral of the same position in {@code referralIds}.
     */
    void writeContents(DSLContext dsl, List<Long> referralIds, List<ReferralHistory> referrals, OffsetDateTime now) {
        List<Object[]> stepRows = new ArrayList<>();
        List<Contact> contacts = new ArrayList<>();
        List<Object[]> contactRows = new ArrayList<>();
        for (int i = 0; i < referrals.size(); i++) {
            long referralId = referralIds.get(i);
            for (StepChange step : referrals.get(i).referral().steps()) {
                stepRows.add(new Object[] {referralId, step.effectiveDate(), (short) step.step(), now});
            }
            for (Contact c : referrals.get(i).contacts()) {
                contacts.add(c);
                contactRows.add(new Object[] {referralId, c.date(), c.type().code(), c.medium().code(),
                        c.attendance().code(), (short) c.step(), c.minutes(), c.therapyType(), c.note(), now, now});
            }
        }
        insert(dsl, STEP_CHANGE, List.of(STEP_CHANGE.REFERRAL_ID, STEP_CHANGE.EFFECTIVE_DATE, STEP_CHANGE.STEP,
                STEP_CHANGE.CREATED_AT), stepRows, null);
        List<Long> contactIds = insert(dsl, CONTACT, List.of(CONTACT.REFERRAL_ID, CONTACT.CONTACT_DATE,
                CONTACT.CONTACT_TYPE, CONTACT.MEDIUM, CONTACT.ATTENDANCE, CONTACT.STEP, CONTACT.MINUTES,
                CONTACT.THERAPY_TYPE, CONTACT.NOTE, CONTACT.CREATED_AT, CONTACT.UPDATED_AT), contactRows, CONTACT.ID);

        List<Object[]> scoreRows = new ArrayList<>();
        List<Object[]> reviewRows = new ArrayList<>();
        for (int i = 0; i < contacts.size(); i++) {
            long contactId = contactIds.get(i);
            Contact c = contacts.get(i);
            for (Score score : c.scores()) {
                scoreRows.add(new Object[] {contactId, score.measure().name(), score.total(),
                        ScoreItems.format(score.items())});
            }
            if (c.riskReview() != null) {
                reviewRows.add(new Object[] {contactId, c.riskReview().level().code(), c.riskReview().note(),
                        c.riskReview().reviewedAt().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC)});
            }
        }
        insert(dsl, SCORE, List.of(SCORE.CONTACT_ID, SCORE.MEASURE, SCORE.TOTAL, SCORE.ITEMS), scoreRows, null);
        insert(dsl, RISK_REVIEW, List.of(RISK_REVIEW.CONTACT_ID, RISK_REVIEW.RISK_LEVEL, RISK_REVIEW.NOTE,
                RISK_REVIEW.REVIEWED_AT), reviewRows, null);
    }

    /**
     * Inserts the rows, {@value #ROWS_PER_INSERT} to a statement, and returns their generated ids in
     * row order (or none when {@code id} is null). Values are converted to the fields' types.
     */
    private static <R extends Record> List<Long> insert(DSLContext dsl, Table<R> table, List<Field<?>> fields,
            List<Object[]> rows, Field<Long> id) {
        List<Long> ids = new ArrayList<>(id == null ? 0 : rows.size());
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            InsertValuesStepN<R> insert = dsl.insertInto(table, fields);
            for (Object[] row : chunk) {
                insert = insert.values(row);
            }
            if (id == null) {
                insert.execute();
            } else {
                List<Long> chunkIds = new ArrayList<>(insert.returningResult(id).fetch(id));
                // Identity values rise in the order rows are inserted: sorted, they follow the rows.
                chunkIds.sort(null);
                if (chunkIds.size() != chunk.size()) {
                    throw new IllegalStateException("The database returned " + chunkIds.size() + " ids for "
                            + chunk.size() + " rows.");
                }
                ids.addAll(chunkIds);
            }
        }
        return ids;
    }
}
