package org.stepwise.exchange;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Finds one of a practitioner's own referrals by the pseudonym a supervisor names ({@code r_} and 16 hex
 * digits, as the outcome file and the supervision pack show it): each referral's pseudonym is computed with
 * the service key from its UUID, as the export computes it, and compared; nothing is stored.
 */
public final class ReferralPseudonymFinder {

    private static final Pattern FORM = Pattern.compile("r_[0-9a-f]{16}");

    /** What a search found: the referral's id, or why there is none. */
    public record Found(Outcome outcome, long referralId) {

        public Found {
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /** Whether a referral was found. */
    public enum Outcome {
        FOUND,
        /** No referral of this store has the pseudonym under the store's key. */
        NOT_FOUND,
        /** The store holds no service key, so no pseudonym can be computed. */
        NO_KEY
    }

    private ReferralPseudonymFinder() {
    }

    /** Whether {@code typed} (stripped, any case) has the form of a referral pseudonym. */
    public static boolean isPseudonym(String typed) {
        return typed != null && FORM.matcher(normal(typed)).matches();
    }

    /** {@code typed} as a pseudonym is written: stripped, lower case. */
    public static String normal(String typed) {
        return typed.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** The referral among {@code uuids} (id to UUID) whose pseudonym under {@code key} is {@code pseudonym}. */
    public static Found find(String pseudonym, Optional<ServiceKey> key, Map<Long, UUID> uuids) {
        if (key.isEmpty()) {
            return new Found(Outcome.NO_KEY, -1);
        }
        String wanted = normal(pseudonym);
        Pseudonymiser pseudonyms = key.get().pseudonymiser();
        for (Map.Entry<Long, UUID> referral : uuids.entrySet()) {
            if (pseudonyms.referral(referral.getValue()).equals(wanted)) {
                return new Found(Outcome.FOUND, referral.getKey());
            }
        }
        return new Found(Outcome.NOT_FOUND, -1);
    }
}
