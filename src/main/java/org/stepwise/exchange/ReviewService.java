package org.stepwise.exchange;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.stepwise.domain.flag.FlagEvaluator;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.outcome.ContactRecord;
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

    /** The group of {@link #byStep} for a referral with no contact yet. */
    public static final String NO_CONTACT = "No contact yet";

    private final OutcomeFileReader reader;
    private final FlagEvaluator flags;

    public ReviewService(MeasureCatalogue catalogue) {
        this.reader = new OutcomeFileReader(catalogue);
        this.flags = new FlagEvaluator(catalogue);
    }

    private record Read(Path path, OutcomeFile file) {
    }

    public Review review(List<Path> files) {
        List<Review.RefusedFile> refused = new ArrayList<>();
        List<Review.AcceptedFile> acceptedFiles = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<Read> accepted = new ArrayList<>();
        for (Path path : files) {
            switch (reader.read(path)) {
                case ReadResult.Rejected(String reason) -> refused.add(new Review.RefusedFile(path, reason));
                case ReadResult.Accepted(OutcomeFile file) -> {
                    accepted.add(new Read(path, file));
                    acceptedFiles.add(acceptedFile(path, file));
                    file.warnings().forEach(w -> warnings.add(path.getFileName() + ": " + w));
                }
            }
        }
        // Stable sort, then later copies overwrite earlier ones: the latest generatedAt wins.
        accepted.sort(Comparator.comparing(read -> read.file().header().generatedAt()));
        Map<String, Read> winners = new TreeMap<>();
        for (Read read : accepted) {
            for (ReferralRecord record : read.file().records()) {
                winners.put(record.key(), read);
            }
        }
        List<ReviewedReferral> referrals = new ArrayList<>();
        for (Read read : accepted) {
            OutcomeFile file = read.file();
            LocalDate today = LocalDate.ofInstant(file.header().generatedAt(), ZoneOffset.UTC);
            for (ReferralRecord record : file.records()) {
                if (winners.get(record.key()) == read) {
                    referrals.add(new ReviewedReferral(record, file.outcome(record.key()),
                            file.header().practitionerPseudonym(), today, flags.evaluate(record, today)));
                }
            }
        }
        referrals.sort(Comparator.comparing(ReviewedReferral::pseudonym));
        OutcomeSummary overall = OutcomeSummary.of(referrals.stream().map(ReviewedReferral::outcome).toList());
        Map<String, OutcomeSummary> byPractitioner = group(referrals, ReviewedReferral::practitioner, new TreeMap<>());
        List<Review.FlaggedReferral> flagged = referrals.stream()
                .filter(ReviewedReferral::flagged)
                .map(r -> new Review.FlaggedReferral(r.pseudonym(), r.practitioner(), r.flags()))
                .toList();
        return new Review(files.size(), refused, warnings, overall, byPractitioner, flagged, acceptedFiles, referrals);
    }

    /**
     * The figures by the step of each referral's last contact: "Step 2", "Step 3", then
     * {@link #NO_CONTACT} for referrals with no contact yet; only groups that have a referral.
     */
    public static Map<String, OutcomeSummary> byStep(Collection<ReviewedReferral> referrals) {
        Map<String, OutcomeSummary> ordered = new LinkedHashMap<>();
        Map<String, OutcomeSummary> groups = group(referrals,
                r -> r.lastStep().map(step -> "Step " + step).orElse(NO_CONTACT), new TreeMap<>());
        groups.entrySet().stream().filter(e -> !e.getKey().equals(NO_CONTACT))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        if (groups.containsKey(NO_CONTACT)) {
            ordered.put(NO_CONTACT, groups.get(NO_CONTACT));
        }
        return ordered;
    }

    /** The figures by problem descriptor (the ICD-10 code, as in the file), in code order. */
    public static Map<String, OutcomeSummary> byProblemDescriptor(Collection<ReviewedReferral> referrals) {
        return group(referrals, r -> r.record().problemDescriptor(), new TreeMap<>());
    }

    private static Map<String, OutcomeSummary> group(Collection<ReviewedReferral> referrals,
            Function<ReviewedReferral, String> key, Map<String, OutcomeSummary> into) {
        Map<String, List<ReferralOutcome>> outcomes = referrals.stream().collect(Collectors.groupingBy(key,
                TreeMap::new, Collectors.mapping(ReviewedReferral::outcome, Collectors.toList())));
        outcomes.forEach((group, list) -> into.put(group, OutcomeSummary.of(list)));
        return into;
    }

    private static Review.AcceptedFile acceptedFile(Path path, OutcomeFile file) {
        int contacts = 0;
        int scores = 0;
        for (FileReferral referral : file.referrals()) {
            contacts += referral.contacts().size();
            for (ContactRecord contact : referral.contacts()) {
                scores += contact.scores().size();
            }
        }
        return new Review.AcceptedFile(path, file.header(), file.referrals().size(), contacts, scores, file.warnings());
    }
}
