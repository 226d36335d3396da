package org.stepwise.exchange;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.outcome.OutcomeSummary;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.outcome.ReportingPeriod;

/**
 * A supervisor's review of several outcome files (export-format.md "Review summary"): how many files
 * were read and refused, the figures overall and by practitioner pseudonym, and the flagged referrals;
 * then, for screens and reports, each accepted file with its header and counts, and every referral
 * counted (one copy each; a referral not flagged keeps its score totals only, without the item
 * responses, which nothing in a review shows), and the measure table the review judged them by.
 * {@code byPractitioner} is in pseudonym order; {@code flagged} and
 * {@code referrals} in referral pseudonym order; {@code accepted} and {@code refused} in the order the
 * files were given.
 */
public record Review(
        int files,
        List<RefusedFile> refused,
        List<String> warnings,
        OutcomeSummary overall,
        Map<String, OutcomeSummary> byPractitioner,
        List<FlaggedReferral> flagged,
        List<AcceptedFile> accepted,
        List<ReviewedReferral> referrals,
        MeasureCatalogue catalogue) {

    public Review {
        refused = List.copyOf(refused);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(overall, "overall");
        byPractitioner = Collections.unmodifiableMap(new LinkedHashMap<>(byPractitioner));
        flagged = List.copyOf(flagged);
        accepted = List.copyOf(accepted);
        referrals = List.copyOf(referrals);
        Objects.requireNonNull(catalogue, "catalogue");
    }

    /** A file that failed verification and contributed nothing, with the reason. */
    public record RefusedFile(Path file, String reason) {
    }

    /**
     * A file that passed verification: its header (format, practitioner pseudonym, role, service,
     * period), how many referrals, contacts and scores it holds, its warnings (stated outcomes that
     * differ from the recomputed ones, which are used), and whether its authenticity was checked.
     */
    public record AcceptedFile(Path file, FileHeader header, int referrals, int contacts, int scores,
            List<String> warnings, Authenticity authenticity) {
        public AcceptedFile {
            Objects.requireNonNull(header, "header");
            warnings = List.copyOf(warnings);
            Objects.requireNonNull(authenticity, "authenticity");
        }
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

    /** The accepted files whose authenticity was not checked (no service key, or format 1), in order given. */
    public List<AcceptedFile> notAuthenticated() {
        return accepted.stream().filter(file -> !file.authenticity().checked()).toList();
    }

    /**
     * The distinct periods of the accepted files, in the order first given: one when every file
     * covers the same period (the usual case), which names the cohort of every rate.
     */
    public List<ReportingPeriod> periods() {
        return accepted.stream().map(file -> file.header().period()).distinct().toList();
    }

    /**
     * Each practitioner's referrals (by practitioner pseudonym, in referral pseudonym order), as the
     * expected corridor of a flagged referral's chart is drawn from them, made in one pass.
     */
    public Map<String, List<ReferralRecord>> recordsByPractitioner() {
        Map<String, List<ReferralRecord>> records = new HashMap<>();
        for (ReviewedReferral referral : referrals) {
            records.computeIfAbsent(referral.practitioner(), p -> new ArrayList<>()).add(referral.record());
        }
        records.replaceAll((practitioner, list) -> List.copyOf(list));
        return records;
    }

    /** The figures by the step of each referral's last contact; see {@link ReviewService#byStep}. */
    public Map<String, OutcomeSummary> byStep() {
        return ReviewService.byStep(referrals);
    }

    /** The figures by problem descriptor; see {@link ReviewService#byProblemDescriptor}. */
    public Map<String, OutcomeSummary> byProblemDescriptor() {
        return ReviewService.byProblemDescriptor(referrals);
    }
}
