package org.stepwise.domain.practitioner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The strength check of a new passphrase (issue 19, item 9): what passes, what is refused, and the words said. */
class PassphraseStrengthTest {

    private static final String GUESSABLE = "This passphrase is easy to guess: it is mostly a common password, a keyboard "
            + "or alphabet run, or a repeat. Use three or four unrelated words instead.";

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery staple", "a brand new passphrase", "demo passphrase for tests",
            "twelve chars", "Kettle-Orbit-Mango-41", "mañana cuaderno lápiz", "ilovemycat99x", "benchmark passphrase"})
    void unrelatedWordsAndMixedTextPass(String passphrase) {
        assertEquals(Optional.empty(), PassphraseStrength.problem(passphrase));
    }

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "Password123!", "qwertyuiop12", "abcdefghijkl", "123456789012",
            "p@ssw0rd2024", "letmeinletmein", "iloveyou1234", "zxcvbnmasdfg", "abcdefabcdef"})
    void commonPasswordsRunsAndRepeatsAreRefusedWithTheAdvice(String passphrase) {
        assertEquals(Optional.of(GUESSABLE), PassphraseStrength.problem(passphrase));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|Choose a passphrase of at least 12 characters.",
            "short|Use at least 12 characters (this has 5).",
            "aaaaaaaaaaaa|This passphrase repeats a few characters (1 different): use at least 6 different ones, "
                    + "for example three or four unrelated words.",
            "abababab1212|This passphrase repeats a few characters (4 different): use at least 6 different ones, "
                    + "for example three or four unrelated words."})
    void tooShortOrTooFewCharactersSaySo(String passphrase, String problem) {
        assertEquals(Optional.of(problem), PassphraseStrength.problem(passphrase));
    }

    @org.junit.jupiter.api.Test
    void lengthCountsCharactersAsTypedInEitherUnicodeForm() {
        String composed = "caf\u00e9 cr\u00e8me"; // 10 characters
        String decomposed = "cafe\u0301 cre\u0300me";
        assertEquals(Optional.of("Use at least 12 characters (this has 10)."), PassphraseStrength.problem(composed));
        assertEquals(PassphraseStrength.problem(composed), PassphraseStrength.problem(decomposed));
    }
}
