package org.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import static org.stepwise.store.generated.Tables.PRACTITIONER_PROFILE;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stepwise.domain.caseload.CaseloadRow;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.ReferralCreated;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.caseload.WrongPassphraseException;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.domain.referral.ReferralStatus;

class H2StoreAccessTest {

    @TempDir
    Path dir;

    @Test
    void roundTripOnARealEncryptedFileKeepsEveryField() throws Exception {
        H2StoreAccess access = new H2StoreAccess(dir);
        assertFalse(access.exists());
        PractitionerProfile profile = new PractitionerProfile("Sam Therapist", Role.HIT, "RX1", true);
        Patient typed = patient();
        ReferralCreated created;
        try (CaseloadStore store = access.create(passphrase(), profile)) {
            created = store.createReferral(typed, referral(LocalDate.of(2026, 3, 2), 3));
        }
        assertTrue(access.exists());

        try (CaseloadStore store = new H2StoreAccess(dir).unlock(passphrase())) {
            assertEquals(profile, store.profile());
            assertEquals(List.of(new CaseloadRow(created.referralId(), created.patientId(), FAMILY, GIVEN,
                    nhs(NHS_1), 3, ReferralStatus.REFERRED, LocalDate.of(2026, 3, 2))), store.caseload());
            assertEquals(typed.withId(created.patientId()), store.findPatient(nhs(NHS_1)).orElseThrow());
        }
        assertEquals(KeyDerivation.STANDARD, KeySettings.read(dir).derivation(), "the app's stores use Argon2id, 64 MiB");
    }

    @Test
    void keySettingsFileHoldsTheParametersAndARandomSaltPerStore() throws IOException {
        Path other = dir.resolve("other");
        access(dir).create(passphrase(), PROFILE).close();
        access(other).create(passphrase(), PROFILE).close();

        Properties first = load(dir.resolve("store.properties"));
        Properties second = load(other.resolve("store.properties"));
        assertEquals("2", first.getProperty("format"));
        assertEquals("Argon2id", first.getProperty("kdf"));
        assertEquals(List.of("8", "1", "1"), List.of(first.getProperty("memoryKiB"), first.getProperty("passes"),
                first.getProperty("parallelism")));
        assertNotEquals(first.getProperty("store"), second.getProperty("store"), "each store has its own identity");
        assertEquals(64, first.getProperty("checksum").length());
        assertNotEquals(first.getProperty("wrappedKey"), second.getProperty("wrappedKey"));
        byte[] salt = Base64.getDecoder().decode(first.getProperty("salt"));
        assertTrue(salt.length >= 16, "salt of 16 bytes or more");
        assertNotEquals(first.getProperty("salt"), second.getProperty("salt"));
        assertEquals(16, Base64.getDecoder().decode(first.getProperty("keyCheck")).length);
        assertNotEquals(first.getProperty("keyCheck"), second.getProperty("keyCheck"));
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void theProfileIsStoredWithARandomPractitionerId() {
        try (CaseloadStore store = access(dir).create(passphrase(), PROFILE)) {
            assertEquals(PROFILE, store.profile());
            String uid = StoreFixtures.dsl(store).select(PRACTITIONER_PROFILE.PRACTITIONER_UID)
                    .from(PRACTITIONER_PROFILE).fetchSingle().value1();
            assertEquals(uid, UUID.fromString(uid).toString());
        }
    }

    @Test
    void wrongPassphraseIsRefusedAsOftenAsTriedAndTheStoreStaysIntact() throws Exception {
        H2StoreAccess access = access(dir);
        try (CaseloadStore store = access.create(passphrase(), PROFILE)) {
            store.createReferral(patient(), referral(LocalDate.of(2026, 1, 5), 2));
        }
        Map<String, String> before = digests(dir);

        for (String wrong : List.of("correct horse battery stapl", "Correct horse battery staple",
                "correct horse battery staple ", "something else entirely")) {
            assertThrows(WrongPassphraseException.class, () -> access.unlock(wrong.toCharArray()));
            Map<String, String> after = new java.util.TreeMap<>(digests(dir));
            after.remove(UnlockFailures.FILE_NAME);
            assertEquals(before, after, "a refused unlock changes no file of the store");
        }
        // Only the refusals' times are noted, for the audit log at the next unlock.
        assertEquals(4, UnlockFailures.pending(dir, java.time.Instant.now()).times().size());

        try (CaseloadStore store = access.unlock(passphrase())) {
            assertEquals(1, store.caseload().size());
            assertEquals(GIVEN, store.findPatient(nhs(NHS_1)).orElseThrow().givenName());
        }
    }

    @Test
    void createAndUnlockClearThePassphraseTheyWereGiven() throws Exception {
        char[] forCreate = passphrase();
        access(dir).create(forCreate, PROFILE).close();
        assertArrayEquals(new char[forCreate.length], forCreate);

        char[] forUnlock = passphrase();
        access(dir).unlock(forUnlock).close();
        assertArrayEquals(new char[forUnlock.length], forUnlock);

        char[] wrong = "not the right passphrase".toCharArray();
        assertThrows(WrongPassphraseException.class, () -> access(dir).unlock(wrong));
        assertArrayEquals(new char[wrong.length], wrong);

        char[] tooShort = "short".toCharArray();
        assertThrows(IllegalArgumentException.class, () -> access(dir.resolve("b")).create(tooShort, PROFILE));
        assertArrayEquals(new char[tooShort.length], tooShort);
    }

    static Stream<Arguments> refusedCreations() {
        return Stream.of(
                Arguments.of("passphrase of 11 characters", "elevenchars", PROFILE),
                Arguments.of("empty passphrase", "", PROFILE),
                Arguments.of("blank display name", StoreFixtures.PASSPHRASE,
                        new PractitionerProfile("  ", Role.PWP, "RX1", false)),
                Arguments.of("no display name", StoreFixtures.PASSPHRASE,
                        new PractitionerProfile(null, Role.PWP, "RX1", false)),
                Arguments.of("display name over 120 characters", StoreFixtures.PASSPHRASE,
                        new PractitionerProfile("A".repeat(121), Role.PWP, "RX1", false)),
                Arguments.of("lower-case service code", StoreFixtures.PASSPHRASE,
                        new PractitionerProfile("Alex", Role.PWP, "rx1", false)),
                Arguments.of("one-character service code", StoreFixtures.PASSPHRASE,
                        new PractitionerProfile("Alex", Role.PWP, "R", false)),
                Arguments.of("blank service code", StoreFixtures.PASSPHRASE,
                        new PractitionerProfile("Alex", Role.PWP, " ", false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedCreations")
    void createRefusesBadInputAndCreatesNothing(String why, String passphrase, PractitionerProfile profile)
            throws IOException {
        H2StoreAccess access = access(dir);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> access.create(passphrase.toCharArray(), profile));
        assertFalse(e.getMessage().isBlank());
        assertFalse(access.exists());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count(), "nothing written to the data folder");
        }
    }

    @Test
    void aTwelveCharacterPassphraseIsEnough() throws Exception {
        access(dir).create("twelve chars".toCharArray(), PROFILE).close();
        access(dir).unlock("twelve chars".toCharArray()).close();
    }

    @Test
    void createRefusesAFolderThatAlreadyHoldsAStoreAndLeavesItIntact() throws Exception {
        try (CaseloadStore store = access(dir).create(passphrase(), PROFILE)) {
            store.createReferral(patient(), referral(LocalDate.of(2026, 1, 5), 2));
        }
        Map<String, String> before = digests(dir);

        StoreException e = assertThrows(StoreException.class,
                () -> access(dir).create("a different passphrase".toCharArray(), PROFILE));
        assertEquals("This data folder already holds a store: unlock it instead.", e.getMessage());
        assertEquals(before, digests(dir));
        try (CaseloadStore store = access(dir).unlock(passphrase())) {
            assertEquals(1, store.caseload().size());
        }
    }

    @Test
    void aFolderWhosePathH2CannotUseIsRefusedPlainly() {
        Path odd = dir.resolve("clinic;notes");
        StoreException e = assertThrows(StoreException.class, () -> access(odd).create(passphrase(), PROFILE));
        assertEquals("The data folder's path contains ';', which the database cannot use. "
                + "Choose a folder without ';' in its path.", e.getMessage());
        assertFalse(Files.exists(odd));
    }

    @Test
    void unlockWithoutAStoreSaysSo() {
        StoreException e = assertThrows(StoreException.class, () -> access(dir).unlock(passphrase()));
        assertEquals("There is no store in this data folder yet.", e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"missing", "salt removed", "key check removed", "unknown format", "passes not a number",
            "a salt character changed", "the memory changed", "a key check character changed", "a folder in its place"})
    void aMissingOrDamagedKeySettingsFileIsReportedPlainly(String damage) throws IOException {
        access(dir).create(passphrase(), PROFILE).close();
        Path settings = dir.resolve("store.properties");
        String text = Files.readString(settings);
        switch (damage) {
            case "missing" -> Files.delete(settings);
            case "salt removed" -> Files.writeString(settings, text.replaceAll("salt=.*", ""));
            case "key check removed" -> Files.writeString(settings, text.replaceAll("keyCheck=.*", ""));
            case "unknown format" -> Files.writeString(settings, text.replace("format=2", "format=9"));
            case "passes not a number" -> Files.writeString(settings, text.replaceAll("passes=.*", "passes=many"));
            case "a salt character changed" -> Files.writeString(settings, text.replaceFirst("salt=(.)",
                    "salt=" + (text.charAt(text.indexOf("salt=") + 5) == 'A' ? "B" : "A")));
            case "the memory changed" -> Files.writeString(settings, text.replace("memoryKiB=8", "memoryKiB=16"));
            case "a key check character changed" -> Files.writeString(settings, text.replaceFirst("keyCheck=(.)",
                    "keyCheck=" + (text.charAt(text.indexOf("keyCheck=") + 9) == 'A' ? "B" : "A")));
            default -> {
                Files.delete(settings);
                Files.createDirectory(settings);
            }
        }
        StoreException e = assertThrows(StoreException.class, () -> access(dir).unlock(passphrase()),
                "issue 19 finding 9: damage is reported as damage, never as a wrong passphrase");
        assertTrue(e.getMessage().startsWith("The store's key settings file (store.properties) is missing or damaged"),
                e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"truncated to nothing", "truncated to its encryption header", "store headers overwritten"})
    void aDamagedDatabaseFileIsReportedAndNeverOpenedAsAnEmptyStore(String damage) throws Exception {
        try (CaseloadStore store = access(dir).create(passphrase(), PROFILE)) {
            store.createReferral(patient(), referral(LocalDate.of(2026, 1, 5), 2));
        }
        try (RandomAccessFile file = new RandomAccessFile(dir.resolve("caseload.mv.db").toFile(), "rw")) {
            switch (damage) {
                case "truncated to nothing" -> file.setLength(0);
                case "truncated to its encryption header" -> file.setLength(4096);
                default -> {
                    file.seek(4096);
                    file.write(new byte[8192]);
                }
            }
        }
        StoreException e = assertThrows(StoreException.class, () -> access(dir).unlock(passphrase()));
        assertEquals("The passphrase is right, but the store file is damaged and cannot be read. "
                + "Restore the data folder from a backup.", e.getMessage());
    }

    /** What H2 itself says to a wrong file key: error 90049, here reached with a matching key check. */
    @Test
    void keySettingsFromAnotherStoreAreCaughtByH2AsAWrongFileKey() throws Exception {
        Path other = dir.resolve("other");
        access(dir).create(passphrase(), PROFILE).close();
        access(other).create(passphrase(), PROFILE).close();
        Files.copy(other.resolve("store.properties"), dir.resolve("store.properties"),
                StandardCopyOption.REPLACE_EXISTING);

        try (LogCapture logs = new LogCapture()) {
            StoreException e = assertThrows(StoreException.class, () -> access(dir).unlock(passphrase()));
            assertEquals(Database.DAMAGED_FILE, e.getMessage());
            assertTrue(logs.text().contains("(SQL state 90049, error code 90049)"), logs::text);
        }
    }

    @Test
    void aSecondOpenOfTheSameFolderIsRefusedWhileTheFirstIsOpenAndAllowedAfterClose() throws Exception {
        CaseloadStore first = access(dir).create(passphrase(), PROFILE);
        Files.createDirectories(dir.resolve("sub"));
        Map<String, String> before = digests(dir);

        StoreException unlock = assertThrows(StoreException.class, () -> access(dir).unlock(passphrase()));
        assertEquals("Stepwise is already open on this data folder (another window or process). Close it first.",
                unlock.getMessage());
        StoreException viaOtherPath = assertThrows(StoreException.class,
                () -> access(dir.resolve("sub").resolve("..")).unlock(passphrase()));
        assertEquals(unlock.getMessage(), viaOtherPath.getMessage());
        StoreException create = assertThrows(StoreException.class, () -> access(dir).create(passphrase(), PROFILE));
        assertEquals(unlock.getMessage(), create.getMessage());
        assertEquals(before, digests(dir), "refused openers touch nothing");
        assertEquals(PROFILE, first.profile(), "the first store keeps working");

        first.close();
        try (CaseloadStore second = access(dir).unlock(passphrase())) {
            assertEquals(PROFILE, second.profile());
        }
    }

    @Test
    void aClosedStoreRefusesWorkAndClosingTwiceIsHarmless() {
        CaseloadStore store = access(dir).create(passphrase(), PROFILE);
        store.close();
        store.close();
        StoreException e = assertThrows(StoreException.class, store::caseload);
        assertEquals("The store is closed. Unlock it again to continue.", e.getMessage());
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    /** SHA-256 of every file under the folder, by relative path. */
    static Map<String, String> digests(Path folder) throws IOException {
        Map<String, String> digests = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                digests.put(folder.relativize(file).toString(), sha256(file));
            }
        }
        return digests;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(in.readAllBytes());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
