package org.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.store.StoreFixtures.PROFILE;
import static org.stepwise.store.StoreFixtures.access;
import static org.stepwise.store.StoreFixtures.patient;
import static org.stepwise.store.StoreFixtures.referral;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import org.h2.tools.ChangeFileEncryption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.caseload.WrongPassphraseException;

/**
 * The key settings (issue 19, items 4 and 9): stores of earlier versions (PBKDF2) move to Argon2id at
 * their next unlock and keep opening; a passphrase typed in either Unicode form opens the store; a
 * damaged settings file is reported as damaged, never as a wrong passphrase.
 */
class KeySettingsTest {

    /** Composed (NFC) and decomposed (NFD) forms of the same typed text. */
    private static final String NFC = "caf\u00e9 cr\u00e8me br\u00fbl\u00e9e";
    private static final String NFD = "cafe\u0301 cre\u0300me bru\u0302le\u0301e";

    @TempDir
    Path dir;

    /**
     * Turns the store in {@code dir} into one as an earlier Stepwise made it: its file re-encrypted with the
     * PBKDF2 key of {@code passphrase} (exactly as given), and format 1 settings.
     */
    private void makeLegacy(char[] current, char[] passphrase) throws Exception {
        byte[] key = KeySettings.read(dir).unlock(current);
        KeySettings legacy = KeySettings.legacy(1_000, passphrase);
        byte[] legacyKey = legacy.unlock(passphrase);
        ChangeFileEncryption.execute(dir.toString(), Database.DB_NAME, "AES", Database.filePassword(key),
                Database.filePassword(legacyKey), true);
        Database.connectAndRekeyUser(dir, legacyKey, key).close();
        AuditAnchor.carry(dir, dir, key, legacyKey);
        legacy.writeLegacy(dir);
    }

    @Test
    void aPbkdf2StoreMovesToArgon2idAtItsNextUnlockAndKeepsEverything() throws Exception {
        try (CaseloadStore store = access(dir).create(StoreFixtures.passphrase(), PROFILE)) {
            store.createReferral(patient(), referral(LocalDate.now().minusDays(10), 2));
        }
        makeLegacy(StoreFixtures.passphrase(), StoreFixtures.passphrase());
        assertEquals(KeyDerivation.pbkdf2(1_000), KeySettings.read(dir).derivation());
        assertThrows(WrongPassphraseException.class, () -> access(dir).unlock("not the passphrase at all".toCharArray()));
        assertEquals(KeySettings.LEGACY_FORMAT, KeySettings.read(dir).format(), "a wrong passphrase upgrades nothing");

        try (CaseloadStore store = access(dir).unlock(StoreFixtures.passphrase())) {
            assertEquals(1, store.caseload().size());
        }

        KeySettings upgraded = KeySettings.read(dir);
        assertEquals(KeySettings.FORMAT, upgraded.format());
        assertEquals(StoreFixtures.TEST_DERIVATION, upgraded.derivation());
        assertTrue(upgraded.storeId().isPresent());
        try (CaseloadStore store = access(dir).unlock(StoreFixtures.passphrase())) {
            assertEquals(1, store.caseload().size(), "the same key, now wrapped under Argon2id");
            assertTrue(store.audit().verify().intact());
        }
    }

    @Test
    void eitherUnicodeFormOfAPassphraseOpensTheStore() throws Exception {
        access(dir).create(NFC.toCharArray(), PROFILE).close();
        access(dir).unlock(NFD.toCharArray()).close();
        access(dir).unlock(NFC.toCharArray()).close();
    }

    @Test
    void aLegacyStoreMadeWithADecomposedPassphraseStillOpensAndIsNormalisedWhenUpgraded() throws Exception {
        access(dir).create(NFC.toCharArray(), PROFILE).close();
        makeLegacy(NFC.toCharArray(), NFD.toCharArray());

        access(dir).unlock(NFC.toCharArray()).close(); // tried in NFC form too, then upgraded

        assertEquals(KeySettings.FORMAT, KeySettings.read(dir).format());
        access(dir).unlock(NFD.toCharArray()).close();
    }

    @Test
    void aWrappedKeyChangedWithItsChecksumRecomputedIsDamagedNotAWrongPassphrase() throws Exception {
        access(dir).create(StoreFixtures.passphrase(), PROFILE).close();
        Path file = dir.resolve(KeySettings.FILE_NAME);
        String text = Files.readString(file);
        String wrapped = text.lines().filter(l -> l.startsWith("wrappedKey=")).findFirst().orElseThrow();
        char first = wrapped.charAt("wrappedKey=".length());
        String forged = text.replace(wrapped, "wrappedKey=" + (first == 'A' ? 'B' : 'A') + wrapped.substring(12));
        String body = forged.lines().filter(l -> !l.startsWith("#") && !l.startsWith("checksum="))
                .map(l -> l + "\n").reduce("", String::concat);
        String checksum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes()));
        Files.writeString(file, forged.replaceAll("checksum=.*", "checksum=" + checksum));

        StoreException e = assertThrows(StoreException.class, () -> access(dir).unlock(StoreFixtures.passphrase()));
        assertEquals(KeySettings.DAMAGED, e.getMessage());
        assertThrows(WrongPassphraseException.class, () -> access(dir).unlock("not the passphrase at all".toCharArray()),
                "a wrong passphrase is still told as wrong");
    }

    @Test
    void theStandardDerivationIsArgon2idWith64MebibytesThreePassesOneLane() {
        assertEquals(KeyDerivation.argon2id(64 * 1024, 3, 1), KeyDerivation.STANDARD);
        assertTrue(KeyDerivation.pbkdf2(600_000).weakerThan(KeyDerivation.STANDARD));
        assertTrue(StoreFixtures.TEST_DERIVATION.weakerThan(KeyDerivation.STANDARD));
        assertTrue(!KeyDerivation.STANDARD.weakerThan(StoreFixtures.TEST_DERIVATION), "never moved down");
        byte[] a = KeyDerivation.STANDARD.derive("x".toCharArray(), new byte[16]);
        byte[] b = KeyDerivation.STANDARD.derive("y".toCharArray(), new byte[16]);
        assertTrue(!Arrays.equals(a, b) && a.length == 32);
    }
}
