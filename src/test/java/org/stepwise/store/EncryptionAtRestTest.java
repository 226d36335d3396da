package org.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.store.StoreFixtures.FAMILY;
import static org.stepwise.store.StoreFixtures.GIVEN;
import static org.stepwise.store.StoreFixtures.NHS_1;
import static org.stepwise.store.StoreFixtures.PROFILE;
import static org.stepwise.store.StoreFixtures.access;
import static org.stepwise.store.StoreFixtures.nhs;
import static org.stepwise.store.StoreFixtures.passphrase;
import static org.stepwise.store.StoreFixtures.patient;
import static org.stepwise.store.StoreFixtures.referral;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.patient.Patient;

/** Nothing identifying is readable in any file of the data folder, open or closed. */
class EncryptionAtRestTest {

    private static final Patient PATIENT = patient();
    private static final List<String> IDENTIFIERS = List.of(NHS_1, nhs(NHS_1).formatted(), GIVEN, FAMILY,
            PATIENT.phone(), PATIENT.email(), PATIENT.address(), PATIENT.postcode(), PATIENT.gpPractice());

    @TempDir
    Path dir;

    @Test
    void noFileInTheDataFolderHoldsAnIdentifierInPlainText() throws IOException {
        try (CaseloadStore store = access(dir).create(passphrase(), PROFILE)) {
            store.createReferral(PATIENT, referral(LocalDate.of(2026, 1, 5), 2));
            store.createReferral(PATIENT, referral(LocalDate.of(2026, 2, 5), 3));
            assertThrows(StoreException.class, () -> store.createReferral(
                    patient(StoreFixtures.NHS_2, GIVEN + " " + FAMILY + " " + "x".repeat(100), FAMILY),
                    referral(LocalDate.of(2026, 3, 1), 2)));
            store.findPatient(nhs(NHS_1));
            store.caseload();
            assertEquals(List.of(), identifiersFoundIn(dir), "while the store is open");
        }
        assertEquals(List.of(), identifiersFoundIn(dir), "after the store is closed");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("audit.anchor", "caseload.mv.db", "store.lock", "store.properties"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no trace or temporary files");
        }
    }

    /** The control: the same values in an unencrypted H2 file are found, so the search above can fail. */
    @Test
    void theSameValuesAreFoundInAnUnencryptedDatabaseFile() throws SQLException, IOException {
        try (Connection plain = DriverManager.getConnection(
                "jdbc:h2:file:" + dir.resolve("plain").toAbsolutePath() + ";TRACE_LEVEL_FILE=0", "sa", "")) {
            plain.createStatement().execute("create table t(v varchar(400))");
            PreparedStatement insert = plain.prepareStatement("insert into t values (?)");
            for (String identifier : IDENTIFIERS) {
                insert.setString(1, identifier);
                insert.executeUpdate();
            }
        }
        List<String> found = identifiersFoundIn(dir);
        assertTrue(found.containsAll(List.of(NHS_1, GIVEN, FAMILY)), () -> "found only " + found);
    }

    /** Every identifier whose UTF-8 or UTF-16 bytes occur in any file under the folder. */
    private static List<String> identifiersFoundIn(Path folder) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(file);
                for (String identifier : IDENTIFIERS) {
                    for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE,
                            StandardCharsets.UTF_16LE)) {
                        if (contains(content, identifier.getBytes(charset))) {
                            found.add(identifier);
                        }
                    }
                }
            }
        }
        return found.stream().distinct().toList();
    }

    private static boolean contains(byte[] content, byte[] needle) {
        outer:
        for (int i = 0; i <= content.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (content[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
