package org.stepwise.exchange;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.stepwise.domain.outcome.ReferralOutcome;
import org.stepwise.domain.outcome.ReferralRecord;

/**
 * An accepted outcome file: its header, its referrals as the file states them (in file order), each
 * referral's outcome recomputed by the outcome rules (keyed by referral pseudonym), and a warning for
 * every referral whose stated outcome differs from the recomputed one, and whether the file was shown to
 * be written with the service's key.
 */
public record OutcomeFile(
        FileHeader header,
        List<FileReferral> referrals,
        Map<String, ReferralOutcome> outcomes,
        List<String> warnings,
        Authenticity authenticity) {

    public OutcomeFile {
        Objects.requireNonNull(authenticity, "authenticity");
        Objects.requireNonNull(header, "header");
        referrals = List.copyOf(referrals);
        outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
        warnings = List.copyOf(warnings);
    }

    /** The referrals as the clinical rules see them, keyed by referral pseudonym, in file order. */
    public List<ReferralRecord> records() {
        return referrals.stream().map(FileReferral::toRecord).toList();
    }

    /** The recomputed outcome of one referral of this file. */
    public ReferralOutcome outcome(String referralPseudonym) {
        ReferralOutcome outcome = outcomes.get(referralPseudonym);
        if (outcome == null) {
            throw new IllegalArgumentException("No referral " + referralPseudonym + " in this file.");
        }
        return outcome;
    }
}
