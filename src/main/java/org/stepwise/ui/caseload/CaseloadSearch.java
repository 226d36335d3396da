package org.stepwise.ui.caseload;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.stepwise.domain.caseload.CaseloadLine;

/**
 * Finds caseload lines by what the practitioner types: digits (spaces ignored) find NHS numbers
 * containing them; otherwise every typed word must begin a word of the name ("smi jo" finds
 * "Smith, John"; case, accents, hyphens and apostrophes ignored) or appear in the NHS number.
 * Each line's search key (its name's words in lower case without accents, and its NHS number's
 * digits) is made once, when the caseload loads (on the store thread), so each keystroke only compares.
 */
final class CaseloadSearch {

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern APOSTROPHES = Pattern.compile("['\\u2019]");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,\\-]+");

    /** What a line is found by: the words of its name, and its NHS number's digits. */
    private record Key(String[] nameWords, String nhsDigits) {
    }

    /** The key of each line, by identity: the lines are the ones the table shows. */
    private final Map<CaseloadLine, Key> keys;

    CaseloadSearch(List<CaseloadLine> lines) {
        keys = new IdentityHashMap<>(lines.size() * 2);
        for (CaseloadLine line : lines) {
            keys.put(line, keyOf(line));
        }
    }

    /** The key of a line, made now for a line that came after the search was made. */
    private Key key(CaseloadLine line) {
        return keys.computeIfAbsent(line, CaseloadSearch::keyOf);
    }

    private static Key keyOf(CaseloadLine line) {
        return new Key(words(line.row().givenName() + " " + line.row().familyName()), line.row().nhsNumber().digits());
    }

    /** The lines that match what was typed; every line when nothing was. */
    Predicate<CaseloadLine> matching(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return line -> true;
        }
        String digits = text.replace(" ", "");
        if (digits.chars().allMatch(Character::isDigit)) {
            return line -> key(line).nhsDigits().contains(digits);
        }
        String[] typedWords = words(text);
        return line -> {
            Key key = key(line);
            String[] name = key.nameWords();
            String nhs = key.nhsDigits();
            for (String word : typedWords) {
                if (!startsAWord(name, word) && !nhs.contains(word)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static boolean startsAWord(String[] name, String word) {
        for (String part : name) {
            if (part.startsWith(word)) {
                return true;
            }
        }
        return false;
    }

    private static String[] words(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD);
        plain = MARKS.matcher(plain).replaceAll("");
        plain = APOSTROPHES.matcher(plain).replaceAll("").toLowerCase(Locale.ROOT);
        return Arrays.stream(SEPARATORS.split(plain)).filter(word -> !word.isEmpty()).toArray(String[]::new);
    }
}
