package org.stepwise.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PseudonymiserTest {

    private static byte[] key() {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) i;
        }
        return key;
    }

    private static final UUID REFERRAL = UUID.fromString("3fa85f64-5717-4562-b3fc-2c963f66afa6");

    /** Expected values computed independently (Python's hmac) with HMAC-SHA256 over the key bytes 0..31. */
    @Test
    void pseudonymsAreTheKeyedHashesTheFormatNames() {
        Pseudonymiser pseudonymiser = new Pseudonymiser(key());
        assertEquals("r_4bc19d8c1ee08834", pseudonymiser.referral(REFERRAL), "referral: + the UUID's standard form");
        assertEquals("n_802eae953ba6a3bc", pseudonymiser.patient("9434765919"));
        assertEquals("p_243310bcbda6ab48", pseudonymiser.practitioner("3fa85f64-5717-4562-b3fc-2c963f66afa6"));
        assertEquals("630dcd2966c43366", pseudonymiser.keyFingerprint());
    }

    @Test
    void anotherKeyGivesOtherPseudonyms() {
        byte[] other = key();
        other[0] = 99;
        assertNotEquals(new Pseudonymiser(key()).referral(REFERRAL), new Pseudonymiser(other).referral(REFERRAL));
    }

    @Test
    void theKeyGivenIsCopiedNotKept() {
        byte[] key = key();
        Pseudonymiser pseudonymiser = new Pseudonymiser(key);
        key[0] = 99;
        assertEquals("r_4bc19d8c1ee08834", pseudonymiser.referral(REFERRAL));
    }

    @Test
    void twoReferralsGetTwoPseudonymsAndOneReferralAlwaysTheSame() {
        Pseudonymiser pseudonymiser = new Pseudonymiser(key());
        UUID other = UUID.fromString("9b2c6c1e-8f4a-4d2e-a6b1-0c7d5e3f2a91");
        assertEquals("r_9452308a0240547c", pseudonymiser.referral(other));
        assertEquals(pseudonymiser.referral(REFERRAL), new Pseudonymiser(key()).referral(REFERRAL));
    }

    @Test
    void describingItShowsOnlyTheFingerprint() {
        String text = new Pseudonymiser(key()).toString();
        assertFalse(text.contains("000102"), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"943 476 5919", "943476591", "94347659190", "abcdefghij", ""})
    void aPatientPseudonymNeedsTenDigits(String nhs) {
        Pseudonymiser pseudonymiser = new Pseudonymiser(key());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pseudonymiser.patient(nhs));
        assertFalse(!nhs.isEmpty() && e.getMessage().contains(nhs), "the message repeats the number");
    }

    @Test
    void aShortKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Pseudonymiser(new byte[16]));
    }

    @ParameterizedTest
    @CsvSource({
            "2010-05-01, 2026-05-01, 16-17",
            "2008-05-02, 2026-05-01, 16-17",
            "2008-05-01, 2026-05-01, 18-25",
            "2000-05-01, 2026-05-01, 26-35",
            "1990-05-01, 2026-05-01, 36-45",
            "1980-05-02, 2026-05-01, 36-45",
            "1980-05-01, 2026-05-01, 46-55",
            "1970-05-01, 2026-05-01, 56-64",
            "1962-05-01, 2026-05-01, 56-64",
            "1961-05-01, 2026-05-01, 65-74",
            "1951-05-02, 2026-05-01, 65-74",
            "1951-05-01, 2026-05-01, 75+",
            "1920-01-01, 2026-05-01, 75+",
            "2008-02-29, 2026-02-28, 16-17",
            "2008-02-29, 2026-03-01, 18-25"
    })
    void ageBandIsTheAgeOnTheReferralDate(LocalDate born, LocalDate referred, String band) {
        assertEquals(band, AgeBand.at(born, referred).code());
    }

    @Test
    void underSixteenHasNoBand() {
        assertThrows(IllegalArgumentException.class,
                () -> AgeBand.at(LocalDate.of(2010, 5, 2), LocalDate.of(2026, 5, 1)));
    }
}
