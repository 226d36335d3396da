package org.stepwise.domain.practitioner;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a new passphrase is strong enough to protect a caseload, checked where it is typed (first run,
 * passphrase change) and again by the store. The rules are few and say plainly what to do:
 * at least {@value #MIN_LENGTH} characters; at least {@value #MIN_DISTINCT} different ones; and, once
 * keyboard and alphabet runs ("qwerty", "1234", "abcd"), repeats ("aaaa", "abcabc") and the commonest
 * passwords ("password", "letmein", …) are taken out, at least {@value #MIN_LEFT} characters left.
 * Three or four unrelated words pass easily. Lengths count characters as typed (in Unicode NFC form).
 */
public final class PassphraseStrength {

    public static final int MIN_LENGTH = 12;
    static final int MIN_DISTINCT = 6;
    static final int MIN_LEFT = 8;
    /** Longer passphrases are not searched for runs and repeats (the search grows with the square of the length). */
    static final int ANALYSED = 256;

    private static final List<String> RUNS = List.of("abcdefghijklmnopqrstuvwxyz", "0123456789",
            "qwertyuiop", "asdfghjkl", "zxcvbnm", "1qaz2wsx3edc4rfv", "qazwsxedcrfv");
    /** The commonest passwords and the words every guesser tries first, as they are after the runs are taken out. */
    private static final List<String> COMMON = List.of("password", "passphrase", "passwort", "letmein", "welcome",
            "iloveyou", "admin", "administrator", "monkey", "dragon", "football", "baseball", "sunshine", "princess",
            "changeme", "secret", "trustno", "master", "superman", "batman", "shadow", "michael", "charlie",
            "starwars", "whatever", "freedom", "computer", "login", "hello", "default", "stepwise", "nhs", "iapt",
            "therapy", "talkingtherapies", "practitioner", "caseload", "summer", "winter", "spring", "autumn",
            "london", "england", "january", "february", "december");

    private PassphraseStrength() {
    }

    /** Why this new passphrase is refused, in a sentence for the person typing it, or empty when it is strong enough. */
    public static Optional<String> problem(char[] passphrase) {
        return problem(passphrase == null ? null : new String(passphrase));
    }

    /** Why this new passphrase is refused, in a sentence for the person typing it, or empty when it is strong enough. */
    public static Optional<String> problem(String passphrase) {
        if (passphrase == null || passphrase.isEmpty()) {
            return Optional.of("Choose a passphrase of at least " + MIN_LENGTH + " characters.");
        }
        String text = Normalizer.normalize(passphrase, Normalizer.Form.NFC);
        int length = text.codePointCount(0, text.length());
        if (length < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters (this has " + length + ").");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        long distinct = lower.codePoints().distinct().count();
        if (distinct < MIN_DISTINCT) {
            return Optional.of("This passphrase repeats a few characters (" + distinct + " different): use at least "
                    + MIN_DISTINCT + " different ones, for example three or four unrelated words.");
        }
        if (length <= ANALYSED && left(lower) < MIN_LEFT) {
            return Optional.of("This passphrase is easy to guess: it is mostly a common password, a keyboard or "
                    + "alphabet run, or a repeat. Use three or four unrelated words instead.");
        }
        return Optional.empty();
    }

    /** How many characters are left once runs, common passwords and repeats are taken out. */
    static int left(String lower) {
        String rest = withoutRuns(lower);
        rest = deLeet(rest);
        for (String word : COMMON) {
            rest = rest.replace(word, "");
        }
        rest = withoutRuns(rest);
        rest = withoutRepeats(rest);
        return rest.codePointCount(0, rest.length());
    }

    /** Removes every run of three or more characters in order (or reverse order) along a keyboard row or the alphabet. */
    private static String withoutRuns(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int longest = 0;
            for (String run : RUNS) {
                longest = Math.max(longest, runAt(text, i, run));
                longest = Math.max(longest, runAt(text, i, new StringBuilder(run).reverse().toString()));
            }
            if (longest >= 3) {
                i += longest;
            } else {
                out.append(text.charAt(i));
                i++;
            }
        }
        return out.toString();
    }

    private static int runAt(String text, int start, String run) {
        int from = run.indexOf(text.charAt(start));
        if (from < 0) {
            return 0;
        }
        int n = 0;
        while (start + n < text.length() && from + n < run.length() && text.charAt(start + n) == run.charAt(from + n)) {
            n++;
        }
        return n;
    }

    private static String deLeet(String text) {
        return text.replace('0', 'o').replace('1', 'i').replace('3', 'e').replace('4', 'a').replace('5', 's')
                .replace('7', 't').replace('@', 'a').replace('$', 's').replace('!', 'i');
    }

    /** Collapses a block repeated straight after itself ("aaaa" to "a", "abcabc" to "abc"), everywhere. */
    private static String withoutRepeats(String text) {
        String current = text;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int size = 1; size <= current.length() / 2 && !changed; size++) {
                for (int i = 0; i + 2 * size <= current.length(); i++) {
                    if (current.regionMatches(i, current, i + size, size)) {
                        current = current.substring(0, i + size) + current.substring(i + 2 * size);
                        changed = true;
                        break;
                    }
                }
            }
        }
        return current;
    }
}
