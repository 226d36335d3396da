package org.stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.exchange.ReviewFixtures;
import org.stepwise.exchange.ServiceKeyFile;
import org.stepwise.exchange.ServiceTables;
import org.stepwise.exchange.TestFiles;
import org.stepwise.ui.testing.InMemoryCaseloadStore;
import org.stepwise.ui.testing.InMemoryStoreAccess;

class ReviewCommandTest {

    private static final String NOT_CHECKED = "note: authenticity NOT checked for 2 files: no service key was given "
            + "(--service-key FILE, or --data-dir with the passphrase of the store there). Their digests show them unchanged "
            + "since they were sealed, not who sealed them.";

    @TempDir
    Path folder;

    private final StoreFreeCommands commands = new StoreFreeCommands();
    private final StringWriter out = commands.out;
    private final StringWriter err = commands.err;

    private int run(Object... args) {
        return commands.run(args);
    }

    @Test
    void everyFileReadExitsZeroWithTheJsonSummaryAndSaysAuthenticityWasNotChecked() throws Exception {
        int status = run("review", "--json", ReviewFixtures.practitionerA(folder), ReviewFixtures.practitionerB(folder));
        assertEquals(0, status, err.toString());
        JsonNode summary = new ObjectMapper().readTree(out.toString());
        assertEquals(new ObjectMapper().readTree(ReviewFixtures.expectedSummary()), summary);
        assertEquals(NOT_CHECKED, err.toString().strip(), "the JSON keeps to the contract; the statement goes to stderr");
    }

    @Test
    void aRefusedFileIsNamedOnStandardErrorAndExitsOne() throws Exception {
        Path good = ReviewFixtures.practitionerA(folder);
        Path bad = Files.writeString(folder.resolve("stepwise-RX1-p_0000000000000000-20261123.json"),
                "{\"format\": \"stepwise-outcomes\", \"formatVersion\": 3}");
        int status = run("review", "--json", good, bad);
        assertEquals(1, status);
        assertTrue(err.toString().startsWith(bad + ": refused: format version 3 is not supported; this Stepwise reads "
                + "versions 1 and 2\n"), err.toString());
        JsonNode summary = new ObjectMapper().readTree(out.toString());
        assertEquals(2, summary.get("files").intValue());
        assertEquals(1, summary.get("rejectedFiles").intValue());
        assertEquals(4, summary.get("referrals").intValue());
    }

    @Test
    void theTableNamesItsCohortShowsRatesAsPercentagesBesideStandardsAndAmbitionsAndMarksThoseBelow() {
        int status = run("review", ReviewFixtures.practitionerA(folder), ReviewFixtures.practitionerB(folder));
        assertEquals(0, status);
        String table = out.toString();
        assertTrue(table.contains("Files: 2 read, 0 refused"), table);
        assertTrue(table.contains("\nAuthenticity NOT checked for 2 files: no service key was given"), table);
        assertTrue(table.contains("Rates count courses that ended between 01/04/2026 and 31/03/2027; rules of the "
                + "clinical reference edition 2 (2026-12), measure table edition 2 (2026-12)."), table);
        // Overall, edition 2: recovery 1 of (4 finished - 1 not at caseness), below the 50% standard.
        assertTrue(table.matches("(?s).*\n  Recovery\\s+1\\s+3\\s+33\\.3%\\s+>= 50%\\s+below\n.*"), table);
        // Reliable improvement 1 of 4 finished, below the 67% planning ambition (no standard).
        assertTrue(table.matches("(?s).*\n  Reliable improvement\\s+1\\s+4\\s+25\\.0%\\s+>= 67%\\s+below\n.*"), table);
        // 18-week wait 4 of 4: meets its standard.
        assertTrue(table.matches("(?s).*\n  First treatment within 18 weeks\\s+4\\s+4\\s+100\\.0%\\s+>= 95%\\s+meets\n.*"), table);
        assertTrue(table.matches("(?s).*\n  Second treatment over 28 days after the first\\s+0\\s+4\\s+0\\.0%\n.*"), table);
        assertTrue(table.contains("Planning ambitions: NHS England planning ambitions"), table);
        assertTrue(table.contains("Standards: NHS Talking Therapies national standards"), table);
        assertTrue(table.contains("Flagged referrals: 3, gravest first"), table);
        assertTrue(table.indexOf("Flagged referrals: 3") < table.indexOf("\nOverall\n"), "flagged first: " + table);
        assertTrue(table.contains(ReviewFixtures.pseudonym(7)), table);
        // Each flag's facts for the referral, with dates, under it.
        assertTrue(table.matches("(?s).*\n      [A-Z][^:\n]+: [^\n]*\\d\\d/\\d\\d/\\d{4}[^\n]*\n.*"), table);
    }

    @Test
    void filesOfDifferentPeriodsNameEachPeriodAsTheCohort() {
        Path quarter = TestFiles.waitingReferral(folder.resolve("q"), "2026-07-01", "2026-09-30");
        int status = run("review", ReviewFixtures.practitionerA(folder), quarter);
        assertEquals(0, status, err.toString());
        assertTrue(out.toString().contains("Rates count courses that ended in their own file's period: between "
                + "01/04/2026 and 31/03/2027 (1 file); between 01/07/2026 and 30/09/2026 (1 file);"), out.toString());
    }

    @Test
    void withTheServiceKeyFileAFileSealedWithItIsCheckedAndOneSealedWithAnotherKeyRefused() throws IOException {
        Path keyFile = folder.resolve("key.txt");
        ServiceKeyFile.write(keyFile, new ServiceKeyFile.Contents("RX1", TestFiles.key()));
        Path other = TestFiles.sealedWithAnotherKey(folder.resolve("other"));
        int status = run("review", "--json", "--service-key", keyFile, ReviewFixtures.practitionerA(folder), other);
        assertEquals(1, status);
        assertTrue(err.toString().contains(other + ": refused: not written with this service's key"), err.toString());
        assertTrue(err.toString().contains("note: authenticity checked for 1 file with the key file key.txt"),
                err.toString());
        assertEquals(4, new ObjectMapper().readTree(out.toString()).get("referrals").intValue());
    }

    @Test
    void theDataFoldersStoreGivesTheKeyWhenAPassphraseIsGiven() throws IOException {
        InMemoryCaseloadStore store = new InMemoryCaseloadStore(new PractitionerProfile("Sam Supervisor", Role.SUPERVISOR,
                "RX1", false));
        store.saveServiceKey(TestFiles.key().bytes(), "imported");
        StoreFreeCommands withStore = new StoreFreeCommands(Map.of(DataFolders.ENV_DATA_DIR, folder.resolve("data")
                .toString(), Passphrases.ENV_PASSPHRASE, "the supervisor's passphrase"),
                new InMemoryStoreAccess("the supervisor's passphrase", store));
        Path other = TestFiles.sealedWithAnotherKey(folder.resolve("other"));
        assertEquals(1, withStore.run("review", "--json", ReviewFixtures.practitionerA(folder), other));
        assertTrue(withStore.err.toString().contains(other + ": refused: not written with this service's key"),
                withStore.err.toString());
        assertTrue(withStore.err.toString().contains("authenticity checked for 1 file with the store in "),
                withStore.err.toString());
    }

    @Test
    void aPassphraseThatDoesNotOpenTheDataFoldersStoreIsAUsageError() {
        InMemoryCaseloadStore store = new InMemoryCaseloadStore(new PractitionerProfile("Sam Supervisor", Role.SUPERVISOR,
                "RX1", false));
        StoreFreeCommands wrong = new StoreFreeCommands(Map.of(DataFolders.ENV_DATA_DIR, folder.resolve("data")
                .toString(), Passphrases.ENV_PASSPHRASE, "not it"), new InMemoryStoreAccess("the right one", store));
        assertEquals(2, wrong.run("review", "--json", ReviewFixtures.practitionerA(folder)));
        assertTrue(wrong.err.toString().contains("The passphrase does not open the store in "), wrong.err.toString());
        assertEquals("", wrong.out.toString());
    }

    @Test
    void aKeyFileThatIsNotOneIsAUsageError() throws IOException {
        Path notAKey = Files.writeString(folder.resolve("key.txt"), "Dear colleague,\n");
        assertEquals(2, run("review", "--service-key", notAKey, ReviewFixtures.practitionerA(folder)));
        assertTrue(err.toString().contains("The service key file cannot be used"), err.toString());
    }

    @Test
    void theDataFoldersMeasureTableJudgesTheFiles() throws IOException {
        Path data = ServiceTables.writeInto(folder.resolve("data"));
        Path ptsd = TestFiles.withServiceMeasure(folder.resolve("iesr"));
        assertEquals(1, run("review", "--json", ptsd), "the bundled table lacks IESR");
        assertTrue(err.toString().contains("the measure IESR is not in this Stepwise's measure table"), err.toString());

        StoreFreeCommands withTable = new StoreFreeCommands(Map.of(DataFolders.ENV_DATA_DIR, data.toString()), null);
        assertEquals(0, withTable.run("review", "--json", ptsd), withTable.err.toString());
        assertEquals(1, new ObjectMapper().readTree(withTable.out.toString()).get("recovered").intValue());
        StoreFreeCommands byOption = new StoreFreeCommands();
        assertEquals(0, byOption.run("--data-dir", data, "review", "--json", ptsd), byOption.err.toString());
        assertFalse(byOption.err.toString().contains("refused"), byOption.err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--xml"})
    void aUsageErrorExitsTwo(String option) throws Exception {
        Path good = ReviewFixtures.practitionerA(folder);
        int status = option.isEmpty() ? run("review") : run("review", option, good);
        assertEquals(2, status);
        assertTrue(err.toString().contains("Usage:"), err.toString());
    }
}
