package org.stepwise.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The verdict on a witnessed audit head, from what the log holds at its event now. */
class AuditWitnessTest {

    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);

    @ParameterizedTest(name = "witnessed {0} events, event {0} now {1}, {2} events now: {3}")
    @CsvSource({
            "0, , 0, HELD, held: the file was written when the audit log was still empty",
            "0, , 9, HELD, held: the file was written when the audit log was still empty",
            "12, a, 12, HELD, held: the audit log still holds event 12 as this file witnessed it",
            "12, a, 40, HELD, held: the audit log still holds event 12 as this file witnessed it",
            "12, , 9, REMOVED, NOT held: the file witnessed event 12 but the audit log now holds only 9 events: events "
                    + "were removed after this file was written",
            "12, , 1, REMOVED, NOT held: the file witnessed event 12 but the audit log now holds only 1 event: events "
                    + "were removed after this file was written",
            "12, , 30, REMOVED, NOT held: the file witnessed event 12 but the audit log has no event 12: events were "
                    + "removed after this file was written",
            "12, b, 12, REWRITTEN, NOT held: the audit log's event 12 is not the event this file witnessed (its hash "
                    + "differs): events were removed or changed after this file was written"})
    void theVerdictAndItsWords(long witnessed, String now, long eventsNow, AuditWitness.Verdict verdict, String words) {
        Optional<String> hash = Optional.ofNullable(now).map(h -> h.equals("a") ? A : B);
        AuditWitness witness = AuditWitness.of(new AuditHead(witnessed, witnessed == 0 ? "0".repeat(64) : A), hash,
                eventsNow);
        assertEquals(verdict, witness.verdict());
        assertEquals(verdict == AuditWitness.Verdict.HELD, witness.held());
        assertEquals(words, witness.words().replace(", but", " but"));
    }
}
