package org.stepwise.exchange;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.outcome.OutcomeSummary;

/**
 * A supervisor's review of several outcome files (export-format.md "Review summary"): how many files
 * were read and refused, the figures overall and by practitioner pseudonym, and the flagged referrals.
 * {@code byPractitioner} is in pseudonym order; {@code flagged} in referral pseudonym order.
 */
public record Review(
        int files,
        List<RefusedFile> refused,
        List<String> warnings,
        OutcomeSummary overall,
        Map<String, OutcomeSummary> byPractitioner,
        List<FlaggedReferral> flagged) {

    public Review {
        refused = List.copyOf(refused);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(overall, "overall");
        byPractitioner = Collections.unmodifiableMap(new LinkedHashMap<>(byPractitioner));
        flagged = List.copyOf(flagged);
    }

    /** A file that failed verification and contributed nothing, with the reason. */
    public record RefusedFile(Path file, String reason) {
    }

    /** A referral on the flagged list, with the practitioner whose file it came from and its flags. */
    public record FlaggedReferral(String referral, String practitioner, List<Flag> flags) {
        public FlaggedReferral {
            flags = List.copyOf(flags);
        }
    }

    /** True when every file given was read. */
    public boolean allRead() {
        return refused.isEmpty();
    }
}
