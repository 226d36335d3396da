package org.stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import org.stepwise.ui.snapshot.Snapshot;
import org.stepwise.ui.snapshot.SnapshotScreens;

/** {@code stepwise snapshots} over real encrypted stores in temporary folders. */
class SnapshotsCommandTest {

    /** Screens that are one small card on an empty window by design: the lock screen and the settings. */
    private static final java.util.Set<String> SPARSE_BY_DESIGN = java.util.Set.of("lock", "settings");

    private static final String PASSPHRASE = "demo passphrase for tests";

    @TempDir
    Path temp;
    private Path data;
    private Path pictures;
    private Path passphraseFile;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void folders() throws Exception {
        data = temp.resolve("data");
        pictures = temp.resolve("pictures");
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
                throw new AssertionError("the snapshots command opens no window");
            }
        };
        return StepwiseCommand.commandLine(services, Map.of())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }

    @Test
    void everyRegisteredScreenOfADemoStoreIsDrawnAsAPictureOfTheWindowsSize() throws Exception {
        assertEquals(0, run("--data-dir", data.toString(), "--passphrase-file", passphraseFile.toString(),
                "demo", "--patients", "40", "--seed", "11"), err.toString());

        int status = run("--data-dir", data.toString(), "--passphrase-file", passphraseFile.toString(),
                "snapshots", "--out", pictures.toString());

        assertEquals(0, status, err.toString());
        List<String> names = SnapshotScreens.all().stream().map(Snapshot::name).toList();
        assertEquals(List.of("caseload", "patient", "session", "trajectory", "items", "outcomes", "review", "audit",
                "lock", "settings"), names);
        assertEquals(names.stream().map(name -> "Wrote " + pictures.resolve(name + ".png") + System.lineSeparator())
                .collect(Collectors.joining()), out.toString());
        for (String name : names) {
            BufferedImage picture = ImageIO.read(pictures.resolve(name + ".png").toFile());
            assertEquals(1366, picture.getWidth(), name);
            assertEquals(768, picture.getHeight(), name);
            assertTrue(colours(picture) > 20, name + " shows a screen, not a blank window");
            double inked = inked(picture);
            double least = SPARSE_BY_DESIGN.contains(name) ? 0.01 : 0.05;
            assertTrue(inked > least, name + " shows its content, not a title on an empty page: " + inked);
        }
        try (CaseloadStore store = TestStores.access(data).unlock(PASSPHRASE.toCharArray())) {
            assertTrue(store.audit().events(org.stepwise.domain.audit.AuditQuery.all()).stream()
                    .noneMatch(e -> e.action() == org.stepwise.domain.audit.AuditAction.EXPORT),
                    "issue 19, finding 10: drawing the review screen exports nothing, so no export is recorded");
        }
    }

    @Test
    void aRealCaseloadIsRefusedAndNoPictureIsWritten() throws Exception {
        try (CaseloadStore store = TestStores.access(data).create(PASSPHRASE.toCharArray(),
                new PractitionerProfile("Alex Practitioner", Role.HIT, "RX1", false))) {
            store.createReferral(new Patient(null, NhsNumber.parse("9990000018"), "Zebedee", "Quillfeather",
                    LocalDate.of(1990, 4, 12), Gender.FEMALE, Ethnicity.B, null, null, null, null, null),
                    new NewReferral(LocalDate.now().minusDays(3), ReferralSource.SELF, "F32", 2));
        }

        int status = run("--data-dir", data.toString(), "--passphrase-file", passphraseFile.toString(),
                "snapshots", "--out", pictures.toString());

        assertEquals(1, status);
        assertTrue(err.toString().startsWith("The store in " + data.toAbsolutePath() + " holds a real caseload"),
                err.toString());
        assertFalse(Files.exists(pictures));
    }

    @Test
    void aFolderWithNoStoreIsSaidAndNothingIsCreated() {
        int status = run("--data-dir", data.toString(), "--passphrase-file", passphraseFile.toString(),
                "snapshots", "--out", pictures.toString());

        assertEquals(1, status);
        assertEquals("There is no store in " + data.toAbsolutePath() + ". Give the data folder with --data-dir.",
                err.toString().strip());
        assertFalse(Files.exists(data.resolve("caseload.mv.db")));
        assertFalse(Files.exists(pictures));
    }

    @Test
    void aWrongPassphraseExitsOne() throws Exception {
        assertEquals(0, run("--data-dir", data.toString(), "--passphrase-file", passphraseFile.toString(),
                "demo", "--patients", "2", "--seed", "3"));
        Path wrong = Files.writeString(temp.resolve("wrong.txt"), "not the passphrase at all");

        int status = run("--data-dir", data.toString(), "--passphrase-file", wrong.toString(),
                "snapshots", "--out", pictures.toString());

        assertEquals(1, status);
        assertEquals("That passphrase does not open this store.", err.toString().strip());
        assertFalse(Files.exists(pictures));
    }

    @Test
    void withoutAnOutputFolderItIsAUsageError() {
        assertEquals(2, run("--data-dir", data.toString(), "--passphrase-file", passphraseFile.toString(), "snapshots"));
        assertTrue(err.toString().startsWith("Missing required option: '--out=DIR'"), err.toString());
    }

    /** The share of pixels (every third, both ways) that differ from the background at the bottom left corner. */
    private static double inked(BufferedImage picture) {
        int background = picture.getRGB(2, picture.getHeight() - 3);
        int differ = 0;
        int seen = 0;
        for (int y = 0; y < picture.getHeight(); y += 3) {
            for (int x = 0; x < picture.getWidth(); x += 3) {
                seen++;
                if (picture.getRGB(x, y) != background) {
                    differ++;
                }
            }
        }
        return differ / (double) seen;
    }

    private static int colours(BufferedImage picture) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < picture.getHeight(); y += 3) {
            for (int x = 0; x < picture.getWidth(); x += 3) {
                seen.add(picture.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
