package org.stepwise.domain.trajectory;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.SeverityBand;
import org.stepwise.domain.trajectory.ServiceCorridors.Corridor;

/**
 * A service's expected-recovery ranges as a corridor file carries them (export-format.md, "Corridor
 * file"): which service made them, when, by which Stepwise, by which edition of the measure table,
 * from how many outcome files and referrals, and the corridors, each by measure and baseline band.
 * It holds percentiles and counts of at least {@link ServiceCorridors#MINIMUM} only: no pseudonym, no
 * date but {@code generatedAt}. The bands are the reader's measure table's own (a file naming a band
 * the table does not know is refused before one of these is made). Immutable.
 *
 * @param serviceCode the service whose outcome files the ranges come from
 * @param generatedAt when the file was written (whole seconds, UTC)
 * @param generator the Stepwise that wrote it, for example "Stepwise 0.2.0"
 * @param measureTable the edition of the measure table the writer used, for example "2 (2026-12)"
 * @param sourceFiles how many outcome files were read (verified) to make it
 * @param sourceReferrals how many referrals those files held, each counted once
 * @param corridors by measure code, then band order; one per measure and band at most
 */
public record ServiceCorridorFile(String serviceCode, Instant generatedAt, String generator, String measureTable,
        int sourceFiles, int sourceReferrals, List<Corridor> corridors) {

    public ServiceCorridorFile {
        Objects.requireNonNull(serviceCode, "serviceCode");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(measureTable, "measureTable");
        corridors = List.copyOf(corridors);
        if (sourceFiles < 1) {
            throw new IllegalArgumentException("A corridor file is made from at least one outcome file.");
        }
        if (sourceReferrals < ServiceCorridors.MINIMUM) {
            throw new IllegalArgumentException("A corridor file is made from at least " + ServiceCorridors.MINIMUM
                    + " referrals.");
        }
        Set<String> seen = new HashSet<>();
        for (Corridor corridor : corridors) {
            if (!seen.add(corridor.measure().code() + "\t" + corridor.band().label())) {
                throw new IllegalArgumentException("A corridor file has one corridor per measure and band.");
            }
            if (corridor.referrals() > sourceReferrals) {
                throw new IllegalArgumentException("A corridor cannot come from more referrals than the file's source.");
            }
        }
    }

    /** The corridor of referrals that started on {@code measure} in {@code band} (matched by its label), if any. */
    public Optional<Corridor> corridor(MeasureCode measure, SeverityBand band) {
        return corridors.stream()
                .filter(c -> c.measure().equals(measure) && c.band().label().equals(band.label()))
                .findFirst();
    }
}
