package org.stepwise.domain.caseload;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a check of the whole store found ({@code stepwise verify}, and the unlock's check in the background):
 * every row against its keyed check, the audit log's chain, and its anchor. Each problem names the kind of
 * record and its internal number, or the part of the store, never a person or a value.
 *
 * @param problems one line per problem, in the order found; empty when the store is whole
 * @param affected how many records of each kind fail their check (kind: {@code patient}, {@code contact}, ...)
 * @param goodBackup the newest backup that verifies, by file name, when the store is damaged and one was found
 */
public record IntegrityReport(List<String> problems, Map<String, Integer> affected, Optional<String> goodBackup) {

    public IntegrityReport {
        problems = List.copyOf(problems);
        affected = Map.copyOf(new TreeMap<>(affected));
    }

    /** A store found whole. */
    public static IntegrityReport whole() {
        return new IntegrityReport(List.of(), Map.of(), Optional.empty());
    }

    public boolean damaged() {
        return !problems.isEmpty();
    }

    /** The same findings with the newest backup that verifies. */
    public IntegrityReport withGoodBackup(Optional<String> backup) {
        return new IntegrityReport(problems, affected, backup);
    }

    /**
     * One sentence for the strip under the window's header: what is affected and what to do; empty when whole.
     */
    public String sentence() {
        if (!damaged()) {
            return "";
        }
        StringBuilder what = new StringBuilder();
        new TreeMap<>(affected).forEach((kind, count) -> {
            if (!what.isEmpty()) {
                what.append(", ");
            }
            what.append(kind.equals("audit log") ? "the audit log"
                    : count + " " + (count == 1 ? kind : plural(kind)));
        });
        int total = affected.values().stream().mapToInt(Integer::intValue).sum();
        String part = what.isEmpty() ? "the audit log" : what.toString();
        String verb = total <= 1 ? " fails its check" : " fail their checks";
        String backup = goodBackup.map(name -> " The newest backup that verifies is " + name + " (in the backups "
                + "folder): to go back to it, close Stepwise and run stepwise restore with that file; the damaged "
                + "store is kept aside.")
                .orElse(" No backup that verifies was found: keep the data folder as it is and ask for help before "
                        + "changing anything.");
        return "The store is damaged: " + part + verb + ". No backup is made of it, and a record that fails is "
                + "not shown." + backup;
    }

    private static String plural(String kind) {
        return switch (kind) {
            case "step change" -> "step changes";
            default -> kind.endsWith("y") ? kind.substring(0, kind.length() - 1) + "ies" : kind + "s";
        };
    }
}
