package org.stepwise.exchange;

import org.stepwise.domain.outcome.ReportingPeriod;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * The header of an outcome file (format 1): everything but the referrals and the integrity block.
 * It names the service and the practitioner's pseudonym, never the practitioner.
 */
public record FileHeader(
        Instant generatedAt,
        String generator,
        LocalDate periodStart,
        LocalDate periodEnd,
        String serviceCode,
        String practitionerPseudonym,
        String practitionerRole,
        String keyFingerprint) {

    /** The period of the file, as the rates count it (clinical-reference.md §4: referrals that ended in it). */
    public ReportingPeriod period() {
        return new ReportingPeriod(periodStart, periodEnd);
    }

    private static final Set<String> ROLES = Set.of("PWP", "HIT", "OTHER");

    public FileHeader {
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(periodEnd, "periodEnd");
        if (generator == null || !generator.matches("Stepwise \\S+")) {
            throw new IllegalArgumentException("The generator is \"Stepwise <version>\".");
        }
        if (periodEnd.isBefore(periodStart)) {
            throw new IllegalArgumentException("The period ends before it starts.");
        }
        if (serviceCode == null || !serviceCode.matches("[A-Z0-9]{2,12}")) {
            throw new IllegalArgumentException("A service code is 2 to 12 capital letters or digits.");
        }
        if (practitionerPseudonym == null || !practitionerPseudonym.matches("p_[0-9a-f]{16}")) {
            throw new IllegalArgumentException("A practitioner pseudonym is p_ and 16 hex digits.");
        }
        if (!ROLES.contains(practitionerRole)) {
            throw new IllegalArgumentException("The practitioner role is PWP, HIT or OTHER.");
        }
        if (keyFingerprint == null || !keyFingerprint.matches("[0-9a-f]{16}")) {
            throw new IllegalArgumentException("A key fingerprint is 16 hex digits.");
        }
    }
}
