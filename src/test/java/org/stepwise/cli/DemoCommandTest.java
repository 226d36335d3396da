package org.stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stepwise.demo.DemoCaseload;
import org.stepwise.demo.DemoCaseloadGenerator;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.NewReferral;
import org.stepwise.domain.caseload.StoreAccess;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.domain.referral.ReferralSource;
import org.stepwise.store.TestStores;

class DemoCommandTest {

    static final String PASSPHRASE = "demo passphrase for tests";

    @TempDir
    Path temp;
    Path data;
    Path passphraseFile;
    StringWriter out;
    StringWriter err;

    @BeforeEach
    void folders() throws Exception {
        data = temp.resolve("data");
        passphraseFile = Files.writeString(temp.resolve("passphrase.txt"), PASSPHRASE + "\n");
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CliServices services = new CliServices() {
            @Override
            public StoreAccess storeAccess(Path dataFolder) {
                return TestStores.access(dataFolder);
            }

            @Override
            public int openWindow(Path dataFolder) {
                throw new AssertionError("the demo command opens no window");
            }
        };
        return StepwiseCommand.commandLine(services, Map.of())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }

    private CaseloadStore unlock() throws Exception {
        return TestStores.access(data).unlock(PASSPHRASE.toCharArray());
    }

    @Test
    void onAnEmptyFolderItCreatesADemoStoreWithAServiceKeyAndFillsIt() throws Exception {
        int status = run("--data-dir", data.toString(), "--passphrase-file", passphraseFile.toString(),
                "demo", "--patients", "25", "--seed", "7");

        assertEquals(0, status, err.toString());
        DemoCaseload expected = new DemoCaseloadGenerator(7, LocalDate.now()).generate(25);
        assertEquals(String.format("Wrote 25 patients, %d referrals and %d contacts (seed 7) to the demo store in %s%n",
                expected.referralCount(), expected.contactCount(), data.toAbsolutePath()), out.toString());
        assertEquals("", err.toString());
        try (CaseloadStore store = unlock()) {
            assertEquals(new PractitionerProfile("Demo Practitioner", Role.PWP, "DEMO", true), store.profile());
            assertEquals(32, store.serviceKey().orElseThrow().length);
            assertEquals(expected.referralCount(), store.caseload().size());
            assertTrue(store.caseload().stream().allMatch(row -> row.nhsNumber().isTestRange()));
        }
    }

    @Test
    void aLaterRunWithThePassphraseFileAddsToTheDemoStoreAndKeepsItsKey() throws Exception {
        assertEquals(0, run("--data-dir", data.toString(), "--passphrase-file", passphraseFile.toString(),
                "demo", "--patients", "10", "--seed", "1"));
        byte[] key;
        int referrals;
        try (CaseloadStore store = unlock()) {
            key = store.serviceKey().orElseThrow();
            referrals = store.caseload().size();
        }

        int status = run("--data-dir", data.toString(), "--passphrase-file", passphraseFile.toString(),
                "demo", "--patients", "5", "--seed", "2");

        assertEquals(0, status, err.toString());
        Matcher written = Pattern.compile("Wrote (\\d+) patients, (\\d+) referrals").matcher(out.toString());
        assertTrue(written.find(), out.toString());
        try (CaseloadStore store = unlock()) {
            assertEquals(referrals + Integer.parseInt(written.group(2)), store.caseload().size());
            assertArrayEquals(key, store.serviceKey().orElseThrow(), "the service key is kept");
        }
    }

    @Test
    void aRealCaseloadIsRefusedAndLeftAsItWas() throws Exception {
        try (CaseloadStore store = TestStores.access(data).create(PASSPHRASE.toCharArray(),
                new PractitionerProfile("Alex Practitioner", Role.HIT, "RX1", false))) {
            store.createReferral(new Patient(null, NhsNumber.parse("9990000018"), "Zebedee", "Quillfeather",
                    LocalDate.of(1990, 4, 12), Gender.FEMALE, Ethnicity.B, null, null, null, null, null),
                    new NewReferral(LocalDate.now().minusDays(3), ReferralSource.SELF, "F32", 2));
        }

        int status = run("--data-dir", data.toString(), "--passphrase-file", passphraseFile.toString(),
                "demo", "--patients", "10");

        assertEquals(1, status);
        assertEquals("The store in " + data.toAbsolutePath() + " holds a real caseload: demo data is only added to a "
                + "demo store. Give another data folder with --data-dir.", err.toString().strip());
        assertEquals("", out.toString());
        try (CaseloadStore store = unlock()) {
            assertEquals(1, store.caseload().size());
            assertTrue(store.serviceKey().isEmpty());
        }
    }

    @Test
    void anEmptyRealStoreIsRefusedToo() throws Exception {
        TestStores.access(data).create(PASSPHRASE.toCharArray(),
                new PractitionerProfile("Alex Practitioner", Role.PWP, "RX1", false)).close();

        assertEquals(1, run("--data-dir", data.toString(), "--passphrase-file", passphraseFile.toString(),
                "demo", "--patients", "3"));

        assertTrue(err.toString().contains("holds a real caseload"), err.toString());
        try (CaseloadStore store = unlock()) {
            assertEquals(0, store.caseload().size(), "issue 19, finding 7: no invented patient in a real store");
        }
    }

    @Test
    void withoutDataDirTheDefaultFolderIsNeverFilled() {
        Path home = temp.resolve("home");
        String before = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            assertEquals(1, run("--passphrase-file", passphraseFile.toString(), "demo", "--patients", "3"));
        } finally {
            System.setProperty("user.home", before);
        }
        assertTrue(err.toString().startsWith("demo writes invented patients, so it needs its data folder named with "
                + "--data-dir"), err.toString());
        assertFalse(Files.exists(home), "nothing was created in the default data folder");
    }

    @Test
    void aFolderThatIsNotEmptyOrHoldsPartOfAStoreIsRefusedAndLeftAsItWas() throws Exception {
        Files.createDirectories(data);
        Files.writeString(data.resolve("notes.txt"), "the practitioner's own file");
        assertEquals(1, run("--data-dir", data.toString(), "--passphrase-file", passphraseFile.toString(),
                "demo", "--patients", "3"));
        assertTrue(err.toString().contains("is not empty (it holds notes.txt)"), err.toString());

        Path partial = temp.resolve("partial");
        TestStores.access(partial).create(PASSPHRASE.toCharArray(), DemoCommand.DEMO_PROFILE).close();
        Files.delete(partial.resolve("caseload.mv.db"));
        byte[] settings = Files.readAllBytes(partial.resolve("store.properties"));

        assertEquals(1, run("--data-dir", partial.toString(), "--passphrase-file", passphraseFile.toString(),
                "demo", "--patients", "3"));

        assertTrue(err.toString().startsWith("The store's database file (caseload.mv.db) is missing"), err.toString());
        assertArrayEquals(settings, Files.readAllBytes(partial.resolve("store.properties")),
                "issue 19, finding 3: store.properties is not written over when only caseload.mv.db is missing");
        assertFalse(Files.exists(partial.resolve("caseload.mv.db")));
    }

    @Test
    void aWrongPassphraseChangesNothingAndExitsOne() throws Exception {
        assertEquals(0, run("--data-dir", data.toString(), "--passphrase-file", passphraseFile.toString(),
                "demo", "--patients", "3", "--seed", "3"));
        Path wrong = Files.writeString(temp.resolve("wrong.txt"), "not the passphrase at all");

        int status = run("--data-dir", data.toString(), "--passphrase-file", wrong.toString(), "demo", "--patients", "3");

        assertEquals(1, status);
        assertEquals("That passphrase does not open this store.", err.toString().strip());
        try (CaseloadStore store = unlock()) {
            assertEquals(new DemoCaseloadGenerator(3, LocalDate.now()).generate(3).referralCount(),
                    store.caseload().size());
        }
    }

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of((Object) new String[] {"demo", "--patients", "0"}, "--patients is 1 to 200000."),
                Arguments.of((Object) new String[] {"demo", "--patients", "200001"}, "--patients is 1 to 200000."),
                Arguments.of((Object) new String[] {"demo"}, "Missing required option: '--patients=N'"),
                Arguments.of((Object) new String[] {"demo", "--patients", "3", "--no-passphrase-here"},
                        "Unknown option: '--no-passphrase-here'"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("usageErrors")
    void aUsageErrorExitsTwoAndCreatesNothing(String[] args, String message) {
        String[] withFolder = Stream.concat(Stream.of("--data-dir", data.toString(), "--passphrase-file",
                passphraseFile.toString()), Stream.of(args)).toArray(String[]::new);

        assertEquals(2, run(withFolder));
        assertTrue(err.toString().startsWith(message), err.toString());
        assertFalse(Files.exists(data.resolve("caseload.mv.db")));
    }

    @Test
    void withNoPassphraseItSaysHowToGiveOne() {
        assertEquals(2, run("--data-dir", data.toString(), "demo", "--patients", "3"));
        assertTrue(err.toString().startsWith("This command opens the store: give the passphrase"), err.toString());
        assertFalse(Files.exists(data.resolve("caseload.mv.db")));
    }
}
