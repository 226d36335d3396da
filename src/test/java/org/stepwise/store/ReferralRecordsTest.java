package org.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.store.StoreFixtures.PROFILE;
import static org.stepwise.store.StoreFixtures.access;
import static org.stepwise.store.StoreFixtures.passphrase;
import static org.stepwise.store.generated.Tables.PATIENT;
import static org.stepwise.store.generated.Tables.REFERRAL;
import static org.stepwise.store.generated.Tables.STEP_CHANGE;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jooq.impl.DSL;
import org.stepwise.cli.DemoCommand;
import org.stepwise.demo.DemoCaseloadGenerator;
import org.stepwise.domain.caseload.CaseloadLines;
import org.stepwise.domain.caseload.CaseloadRow;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.StoredReferral;
import org.stepwise.domain.common.Coded;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.referral.ReferralStatus;

/**
 * The narrow read of the referrals for the clinical rules ({@link ReferralRecords}) gives exactly what
 * reading every referral whole gives: on a seeded demo caseload, the records of the whole caseload, of
 * the ended referrals and of one referral, and the caseload lines computed from them, equal those built
 * from the full referrals, contacts, scores and risk reviews the store reads for the export. The
 * caseload's rows, with each referral's current step read in one pass over the step changes, equal those
 * of the earlier query with a subquery per referral, on the same caseload with steps changed back and
 * forth, on the same day and back-dated.
 */
class ReferralRecordsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @TempDir
    static Path dir;

    private static List<StoredReferral> whole;

    @BeforeAll
    static void demoStore() {
        try (CaseloadStore store = access(dir).create(passphrase(), PROFILE)) {
            store.importCaseload(DemoCommand.histories(new DemoCaseloadGenerator(11, TODAY).generate(250)));
            whole = new ArrayList<>();
            for (List<StoredReferral> chunk = store.referralsAfter(0, 100); !chunk.isEmpty();
                    chunk = store.referralsAfter(chunk.getLast().referral().id(), 100)) {
                whole.addAll(chunk);
            }
            changeSteps(store);
        }
    }

    /**
     * Step changes the current step must weigh: to the other step and back, two on one date (the one
     * recorded last counts) and one back-dated behind a later one (the later date counts).
     */
    private static void changeSteps(CaseloadStore store) {
        LocalDate today = LocalDate.now();
        int changed = 0;
        for (StoredReferral stored : whole) {
            var referral = stored.referral();
            LocalDate last = referral.endDate() == null ? today : referral.endDate();
            if (referral.referralDate().plusDays(10).isAfter(last)) {
                continue;
            }
            long id = referral.id();
            LocalDate start = referral.referralDate();
            switch (changed++ % 4) {
                case 0 -> store.changeStep(id, start, 3);
                case 1 -> {
                    store.changeStep(id, start.plusDays(5), 3);
                    store.changeStep(id, start.plusDays(5), 2);
                }
                case 2 -> {
                    store.changeStep(id, start.plusDays(10), 3);
                    store.changeStep(id, start.plusDays(5), 2);
                }
                default -> {
                    store.changeStep(id, start.plusDays(10), 2);
                    store.changeStep(id, start.plusDays(5), 3);
                }
            }
            if (changed == 80) {
                return;
            }
        }
    }

    /** The caseload's rows as the store read them before, with each referral's step in a subquery. */
    private static List<CaseloadRow> caseloadByCorrelatedSubquery(CaseloadStore store) {
        var currentStep = DSL.field(DSL.select(STEP_CHANGE.STEP)
                .from(STEP_CHANGE)
                .where(STEP_CHANGE.REFERRAL_ID.eq(REFERRAL.ID))
                .orderBy(STEP_CHANGE.EFFECTIVE_DATE.desc(), STEP_CHANGE.ID.desc())
                .limit(1));
        return StoreFixtures.dsl(store)
                .select(REFERRAL.ID, REFERRAL.PATIENT_ID, PATIENT.FAMILY_NAME, PATIENT.GIVEN_NAME,
                        PATIENT.NHS_NUMBER, currentStep, REFERRAL.STATUS, REFERRAL.REFERRAL_DATE)
                .from(REFERRAL)
                .join(PATIENT).on(PATIENT.ID.eq(REFERRAL.PATIENT_ID))
                .orderBy(REFERRAL.REFERRAL_DATE.desc(), REFERRAL.ID.desc())
                .fetch(r -> new CaseloadRow(r.value1(), r.value2(), r.value3(), r.value4(), NhsNumber.parse(r.value5()),
                        r.value6(), Coded.of(ReferralStatus.class, r.value7()), r.value8()));
    }

    @Test
    void theCaseloadsRowsAndLinesAreThoseOfTheQueryWithASubqueryPerReferral() throws Exception {
        try (CaseloadStore store = access(dir).unlock(passphrase())) {
            List<CaseloadRow> rows = store.caseload();
            List<CaseloadRow> before = caseloadByCorrelatedSubquery(store);
            assertEquals(before.stream().map(row -> row.referralId() + " at step " + row.step()).toList(),
                    rows.stream().map(row -> row.referralId() + " at step " + row.step()).toList());
            assertEquals(before, rows);
            assertEquals(whole.size(), rows.size());
            assertTrue(rows.stream().anyMatch(row -> row.step() == 2) && rows.stream().anyMatch(row -> row.step() == 3));

            CaseloadLines rules = new CaseloadLines(MeasureCatalogue.standard());
            List<ReferralRecord> records = store.referralRecords();
            assertEquals(rules.lines(before, records, TODAY), rules.lines(rows, records, TODAY));
        }
    }

    /** The record as the rules saw it when it was built from the whole referral (the earlier way). */
    private static ReferralRecord fromWhole(StoredReferral stored) {
        List<Contact> contacts = stored.contacts().stream().sorted(Comparator.comparing(Contact::id)).toList();
        var referral = stored.referral();
        return new ReferralRecord(Long.toString(referral.id()), referral.referralDate(), referral.endDate(),
                referral.endReason(), referral.problemDescriptor(),
                contacts.stream().map(c -> new ContactRecord(c.date(), c.type(), c.attendance(), c.medium(), c.step(),
                        c.minutes(), c.scores(), c.therapyType())).toList(),
                reviewed(contacts).map(c -> c.riskReview().level()).orElse(null),
                reviewed(contacts).map(Contact::date).orElse(null));
    }

    /** The contact with the referral's latest risk review (date, then recording order). */
    private static Optional<Contact> reviewed(List<Contact> contacts) {
        return contacts.stream().filter(c -> c.riskReview() != null)
                .max(Comparator.comparing(Contact::date).thenComparing(Contact::id));
    }

    private static List<ReferralRecord> expected(boolean endedOnly) {
        return whole.stream().filter(s -> !endedOnly || s.referral().endDate() != null)
                .sorted(Comparator.comparing(s -> s.referral().id()))
                .map(ReferralRecordsTest::fromWhole).toList();
    }

    @Test
    void theWholeCaseloadReadsAsFromTheWholeReferrals() throws Exception {
        try (CaseloadStore store = access(dir).unlock(passphrase())) {
            List<ReferralRecord> records = store.referralRecords();
            assertEquals(expected(false), records);
            // The demo caseload exercises what the narrow read maps: risk reviews, ended referrals, missed contacts.
            assertTrue(records.stream().anyMatch(r -> r.recordedRiskLevel() != null && r.recordedRiskDate() != null));
            assertTrue(records.stream().anyMatch(ReferralRecord::ended));
            assertTrue(records.stream().flatMap(r -> r.contacts().stream()).anyMatch(c -> !c.attended()));

            CaseloadLines rules = new CaseloadLines(MeasureCatalogue.standard());
            var rows = store.caseload();
            var lines = rules.lines(rows, records, TODAY);
            assertEquals(rules.lines(rows, expected(false), TODAY), lines);
            assertTrue(lines.stream().anyMatch(line -> line.flags().contains(Flag.RISK)));
        }
    }

    @Test
    void theEndedReferralsAndOneReferralReadAsFromTheWholeReferrals() throws Exception {
        try (CaseloadStore store = access(dir).unlock(passphrase())) {
            List<ReferralRecord> ended = expected(true);
            assertTrue(!ended.isEmpty() && ended.size() < whole.size());
            assertEquals(ended, store.endedReferralRecords());
            for (ReferralRecord record : expected(false).subList(0, 20)) {
                assertEquals(record, store.referralRecord(Long.parseLong(record.key())).orElseThrow());
            }
        }
    }
}
