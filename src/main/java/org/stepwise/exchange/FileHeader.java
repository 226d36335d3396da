package org.stepwise.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import org.stepwise.domain.audit.AuditHead;
import org.stepwise.domain.outcome.ReportingPeriod;

/**
 * The header of an outcome file: everything but the referrals and the integrity block. It names the
 * service and the practitioner's pseudonym, never the practitioner. {@code formatVersion} is the
 * file's format (Stepwise writes 2 and reads 1 and 2); {@code auditHead} is the writer's audit log
 * at export, which format 2 carries (Stepwise always writes it; a reader accepts a file without it)
 * and format 1 never does.
 */
public record FileHeader(
        int formatVersion,
        Instant generatedAt,
        String generator,
        LocalDate periodStart,
        LocalDate periodEnd,
        String serviceCode,
        String practitionerPseudonym,
        String practitionerRole,
        String keyFingerprint,
        AuditHead auditHead) {

    /** The format Stepwise writes. */
    public static final int WRITTEN_VERSION = 2;

    private static final Set<String> ROLES = Set.of("PWP", "HIT", "OTHER");

    /** A header of the format Stepwise writes (2), witnessing this audit head. */
    public FileHeader(Instant generatedAt, String generator, LocalDate periodStart, LocalDate periodEnd,
            String serviceCode, String practitionerPseudonym, String practitionerRole, String keyFingerprint,
            AuditHead auditHead) {
        this(WRITTEN_VERSION, generatedAt, generator, periodStart, periodEnd, serviceCode, practitionerPseudonym,
                practitionerRole, keyFingerprint, auditHead);
    }

    public FileHeader {
        if (formatVersion != 1 && formatVersion != 2) {
            throw new IllegalArgumentException("An outcome file is of format 1 or 2.");
        }
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
        if (formatVersion == 1 && auditHead != null) {
            throw new IllegalArgumentException("Format 1 carries no audit head.");
        }
    }

    /** The period of the file, as the rates count it (clinical-reference.md §4: referrals that ended in it). */
    public ReportingPeriod period() {
        return new ReportingPeriod(periodStart, periodEnd);
    }
}
