package org.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.store.StoreFixtures.PROFILE;
import static org.stepwise.store.StoreFixtures.access;
import static org.stepwise.store.StoreFixtures.passphrase;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.cli.DemoCommand;
import org.stepwise.demo.DemoCaseloadGenerator;
import org.stepwise.domain.caseload.CaseloadLines;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.StoredReferral;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.ReferralRecord;

/**
 * The narrow read of the referrals for the clinical rules ({@link ReferralRecords}) gives exactly what
 * reading every referral whole gives: on a seeded demo caseload, the records of the whole caseload, of
 * the ended referrals and of one referral, and the caseload lines computed from them, equal those built
 * from the full referrals, contacts, scores and risk reviews the store reads for the export.
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
        }
    }

    /** The record as the rules saw it when it was built from the whole referral (the earlier way). */
    private static ReferralRecord fromWhole(StoredReferral stored) {
        List<Contact> contacts = stored.contacts().stream().sorted(Comparator.comparing(Contact::id)).toList();
        var referral = stored.referral();
        return new ReferralRecord(Long.toString(referral.id()), referral.referralDate(), referral.endDate(),
                referral.endReason(), referral.problemDescriptor(),
                contacts.stream().map(c -> new ContactRecord(c.date(), c.type(), c.attendance(), c.medium(), c.step(),
                        c.minutes(), c.scores())).toList(),
                contacts.stream().filter(c -> c.riskReview() != null)
                        .max(Comparator.comparing(Contact::date).thenComparing(Contact::id))
                        .map(c -> c.riskReview().level()).orElse(null));
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
            assertTrue(records.stream().anyMatch(r -> r.recordedRiskLevel() != null));
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
