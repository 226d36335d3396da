package org.stepwise.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.stepwise.exchange.OutcomeFiles.gad7;
import static org.stepwise.exchange.OutcomeFiles.header;
import static org.stepwise.exchange.OutcomeFiles.phq9;
import static org.stepwise.exchange.OutcomeFiles.phq9WithRisk;
import static org.stepwise.exchange.OutcomeFiles.referral;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.flag.FlagEvaluator;
import org.stepwise.domain.flag.FlagFacts;
import org.stepwise.domain.outcome.OutcomeClassifier;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.outcome.ReportingPeriod;
import org.stepwise.domain.contact.RiskLevel;

/**
 * A flag's facts from a referral read back from an outcome file: the same sentence as from the store's
 * referral, except what the file cannot carry (the risk review), which is left out rather than invented.
 */
class FlagFactsFromFileTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 20);
    private static final FlagFacts FACTS = new FlagFacts(OutcomeFiles.CATALOGUE);
    private static final FlagEvaluator EVALUATOR = new FlagEvaluator(OutcomeFiles.CATALOGUE);

    @TempDir
    Path folder;

    @Test
    void theFileGivesTheStoresFactsWithoutTheRiskReview() {
        FileReferral written = referral(1).referred("2026-04-01")
                .assessment("2026-04-10", phq9(15), gad7(12))
                .treatment("2026-04-20", phq9(16), gad7(12))
                .missed("2026-04-27")
                .treatment("2026-05-04", phq9WithRisk(22), gad7(16))
                .build();
        Path file = OutcomeFiles.write(folder, header("uid-1", "2026-06-20T09:00:00Z"), written).file();
        ReferralRecord fromFile = assertInstanceOf(ReadResult.Accepted.class, new OutcomeFileReader(OutcomeFiles.CATALOGUE)
                .read(file)).file().records().getFirst();
        ReferralRecord fromStore = new ReferralRecord("12", fromFile.referralDate(), null, null, "F41.1",
                fromFile.contacts(), RiskLevel.MODERATE, LocalDate.of(2026, 5, 4));

        List<Flag> flags = EVALUATOR.evaluate(fromFile, TODAY);
        assertEquals(List.of(Flag.RISK, Flag.RELIABLE_DETERIORATION, Flag.NO_CONTACT_4_WEEKS), flags);
        assertEquals(flags, EVALUATOR.evaluate(fromStore, TODAY));

        assertEquals("PHQ-9 item 9 = 1 on 04/05/2026", FACTS.of(Flag.RISK, fromFile, TODAY));
        assertEquals("PHQ-9 item 9 = 1 on 04/05/2026; risk review moderate on 04/05/2026",
                FACTS.of(Flag.RISK, fromStore, TODAY));
        for (Flag flag : List.of(Flag.RELIABLE_DETERIORATION, Flag.NO_CONTACT_4_WEEKS)) {
            assertEquals(FACTS.of(flag, fromStore, TODAY), FACTS.of(flag, fromFile, TODAY), flag.code());
        }
        assertEquals("PHQ-9 15 on 10/04/2026 to 22 on 04/05/2026 (up 7; reliable change 6); GAD-7 12 on 10/04/2026"
                + " to 16 on 04/05/2026 (up 4; reliable change 4)", FACTS.of(Flag.RELIABLE_DETERIORATION, fromFile, TODAY));
        assertEquals("Last attended 04/05/2026, 47 days ago; 2 treatment sessions",
                FACTS.of(Flag.NO_CONTACT_4_WEEKS, fromFile, TODAY));
        // The review keeps a referral packed; its record gives the same facts.
        ReviewedReferral reviewed = new ReviewedReferral(fromFile, new OutcomeClassifier(
                OutcomeFiles.CATALOGUE).classify(fromFile), "p_0000000000000001",
                new ReportingPeriod(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30)),
                TODAY, flags);
        assertEquals(FACTS.all(fromFile, flags, TODAY), FACTS.all(reviewed.record(), reviewed.flags(), TODAY));
    }
}
