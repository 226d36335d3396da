package org.stepwise.exchange;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.flag.FlagEvaluator;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.outcome.OutcomeSummary;
import org.stepwise.domain.outcome.ReferralOutcome;
import org.stepwise.domain.outcome.ReferralRecord;

/**
 * Reviews many outcome files at once. Each file is verified whole; a refused file contributes nothing.
 * A referral (same pseudonym) in several accepted files counts once: the copy from the file with the
 * latest {@code generatedAt} wins (on a tie, the file given later). Flags are raised as of the date of
 * that file's {@code generatedAt} (UTC). Thread-safe.
 */
public final class ReviewService {

    private final OutcomeFileReader reader;
    private final FlagEvaluator flags;

    public ReviewService(MeasureCatalogue catalogue) {
        this.reader = new OutcomeFileReader(catalogue);
        this.flags = new FlagEvaluator(catalogue);
    }

    /** One referral's winning copy: its record, recomputed outcome, practitioner and review date. */
    private record Copy(ReferralRecord record, ReferralOutcome outcome, String practitioner, LocalDate today) {
    }

    private record Read(Path path, OutcomeFile file) {
    }

    public Review review(List<Path> files) {
        List<Review.RefusedFile> refused = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<Read> accepted = new ArrayList<>();
        // Files are verified independently, so they are read in parallel (the common pool; order kept).
        List<ReadResult> results = files.parallelStream().map(reader::read).toList();
        for (int i = 0; i < files.size(); i++) {
            Path path = files.get(i);
            switch (results.get(i)) {
                case ReadResult.Rejected(String reason) -> refused.add(new Review.RefusedFile(path, reason));
                case ReadResult.Accepted(OutcomeFile file) -> {
                    accepted.add(new Read(path, file));
                    file.warnings().forEach(w -> warnings.add(path.getFileName() + ": " + w));
                }
            }
        }
        // Stable sort, then later copies overwrite earlier ones: the latest generatedAt wins.
        accepted.sort(Comparator.comparing(read -> read.file().header().generatedAt()));
        Map<String, Copy> copies = new TreeMap<>();
        for (Read read : accepted) {
            OutcomeFile file = read.file();
            LocalDate today = LocalDate.ofInstant(file.header().generatedAt(), ZoneOffset.UTC);
            for (ReferralRecord record : file.records()) {
                copies.put(record.key(), new Copy(record, file.outcome(record.key()),
                        file.header().practitionerPseudonym(), today));
            }
        }
        OutcomeSummary overall = OutcomeSummary.of(copies.values().stream().map(Copy::outcome).toList());
        Map<String, OutcomeSummary> byPractitioner = copies.values().stream().collect(Collectors.groupingBy(
                Copy::practitioner, TreeMap::new,
                Collectors.collectingAndThen(Collectors.mapping(Copy::outcome, Collectors.toList()), OutcomeSummary::of)));
        List<Review.FlaggedReferral> flagged = new ArrayList<>();
        for (Copy copy : copies.values()) {
            List<Flag> raised = flags.evaluate(copy.record(), copy.today());
            if ((!copy.record().ended() && !raised.isEmpty()) || raised.contains(Flag.RELIABLE_DETERIORATION)) {
                flagged.add(new Review.FlaggedReferral(copy.record().key(), copy.practitioner(), raised));
            }
        }
        return new Review(files.size(), refused, warnings, overall, byPractitioner, flagged);
    }
}
