package org.stepwise.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stepwise.domain.practitioner.PractitionerNames;

/**
 * A supervisor's names for practitioner pseudonyms as text, one practitioner a line, as the review screen's
 * editor and {@code stepwise names set FILE} take it:
 *
 * <pre>
 * p_9a474b3dc75b1224  Alex Moss
 * 3f1c0e52-8d7b-4c55-9a0e-0c2b5d1e7a10  Sam Okafor
 * </pre>
 *
 * Each line is a practitioner pseudonym, or a practitioner's id (the id their store was made with), then a
 * space, tab or comma, then the name. An id is turned into its pseudonym with the service key (the same
 * HMAC the export uses), so only the pseudonym is kept; without a key an id is refused. Blank lines and
 * lines starting with {@code #} are skipped. A problem is named by its line number, never by its text.
 */
public final class PractitionerNameList {

    private static final Pattern LINE = Pattern.compile("(\\S+?)\\s*[,\\t ]\\s*(.+)");
    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The names read, or the problems found (then nothing should be saved). */
    public record Parsed(PractitionerNames names, List<String> problems) {

        public Parsed {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private PractitionerNameList() {
    }

    /** Reads {@code text}; {@code pseudonyms} (the service key's) turns practitioner ids into pseudonyms. */
    public static Parsed parse(String text, Optional<Pseudonymiser> pseudonyms) {
        Map<String, String> names = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int number = i + 1;
            Matcher matcher = LINE.matcher(line);
            if (!matcher.matches()) {
                problems.add("Line " + number + ": a pseudonym (p_…) or a practitioner id, then the name.");
                continue;
            }
            String who = matcher.group(1);
            String name = matcher.group(2).strip();
            String pseudonym;
            if (UUID_FORM.matcher(who).matches()) {
                if (pseudonyms.isEmpty()) {
                    problems.add("Line " + number + ": a practitioner id needs the service key to become a "
                            + "pseudonym; import the service key first, or give the pseudonym (p_…).");
                    continue;
                }
                pseudonym = pseudonyms.get().practitioner(who.toLowerCase(java.util.Locale.ROOT));
            } else {
                pseudonym = who;
            }
            Optional<String> problem = PractitionerNames.pseudonymProblem(pseudonym)
                    .or(() -> PractitionerNames.nameProblem(name));
            if (problem.isPresent()) {
                problems.add("Line " + number + ": " + problem.get());
            } else if (names.containsKey(pseudonym)) {
                problems.add("Line " + number + ": this pseudonym was already given a name on an earlier line.");
            } else {
                names.put(pseudonym, name);
            }
        }
        return problems.isEmpty() ? new Parsed(PractitionerNames.of(names), List.of())
                : new Parsed(PractitionerNames.none(), problems);
    }

    /** {@code names} as text this class reads back: one "pseudonym  name" line each, in pseudonym order. */
    public static String format(PractitionerNames names) {
        StringBuilder text = new StringBuilder();
        names.byPseudonym().forEach((pseudonym, name) -> text.append(pseudonym).append("  ").append(name).append('\n'));
        return text.toString();
    }
}
