package org.stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.exchange.PackFixtures;
import org.stepwise.exchange.ReviewFixtures;

/** {@code stepwise review --publishable}: the summary tables with small numbers suppressed, nothing per referral. */
class PublishableReviewCommandTest {

    @TempDir
    Path folder;

    private final StoreFreeCommands commands = new StoreFreeCommands();
    private final StringWriter out = commands.out;
    private final StringWriter err = commands.err;

    private int run(Object... args) {
        return commands.run(args);
    }

    @Test
    void countsUnderFiveAreHiddenOthersRoundedAndRatesOverFewerThanFiveSuppressed() {
        int status = run("review", "--publishable", ReviewFixtures.practitionerA(folder).toString(),
                ReviewFixtures.practitionerB(folder).toString(), PackFixtures.practitionerC(folder).toString());
        assertEquals(0, status, err.toString());
        String table = out.toString();
        String overall = table.substring(table.indexOf("All referrals"), table.indexOf("By practitioner"));
        assertTrue(overall.matches("(?s).*Referrals\\s+10\\n.*"), overall);
        assertTrue(overall.matches("(?s).*Ended\\s+5\\n.*"), overall);
        assertTrue(overall.matches("(?s).*Recovery\\s+<5 of <5\\s+suppressed\\n.*"), overall);
        assertTrue(overall.matches("(?s).*Paired scores\\s+<5 of 5\\s+80\\.0%  below\\n.*"), overall);
        assertTrue(overall.matches("(?s).*First treatment within 18 weeks\\s+5 of 5\\s+100\\.0%  meets\\n.*"), overall);
        assertTrue(table.contains("Rates count courses that ended between 01/04/2026 and 31/03/2027."), table);
        assertTrue(table.contains("By step"), table);
        assertTrue(table.contains("F41.1 Generalised anxiety disorder"), table);
        assertFalse(table.contains(ReviewFixtures.pseudonym(7)), "no referral is listed");
        assertTrue(table.contains("Flagged referrals are not listed in a publishable summary."), table);
    }

    @Test
    void publishableWithJsonIsAUsageError() {
        int status = run("review", "--json", "--publishable", ReviewFixtures.practitionerA(folder).toString());
        assertEquals(2, status);
        assertTrue(err.toString().contains("the JSON summary is always exact"), err.toString());
    }
}
