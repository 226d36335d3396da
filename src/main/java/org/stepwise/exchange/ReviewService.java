package org.stepwise.exchange;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.stepwise.domain.flag.FlagEvaluator;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.Score;
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

    /** The copy of a referral that counts so far, and the {@code generatedAt} of the file it came from. */
    private record Winner(Instant generatedAt, ReviewedReferral referral) {
    }

    public Review review(List<Path> files) {
        List<Review.RefusedFile> refused = new ArrayList<>();
        List<Review.AcceptedFile> acceptedFiles = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, Winner> winners = new HashMap<>();
        Map<Score, Score> totals = new HashMap<>();
        for (Path path : files) {
            switch (reader.read(path)) {
                case ReadResult.Rejected(String reason) -> refused.add(new Review.RefusedFile(path, reason));
                case ReadResult.Accepted(OutcomeFile file) -> {
                    // Only a verified file gets here: a refused one has added nothing.
                    acceptedFiles.add(acceptedFile(path, file));
                    file.warnings().forEach(w -> warnings.add(path.getFileName() + ": " + w));
                    count(file, winners, totals);
                }
            }
        }
        List<ReviewedReferral> referrals = new ArrayList<>(winners.size());
        winners.values().forEach(winner -> referrals.add(winner.referral()));
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

    /**
     * Takes one accepted file's referrals into the winners, as soon as the file is read, so that no
     * file is kept: a copy replaces the one held when its file's {@code generatedAt} is the same or
     * later (files are given in order, so on a tie the later file wins). A referral the review does
     * not flag keeps its contacts' score totals only (shared between equal totals): nothing a review
     * shows of it uses the item responses, and dropping them keeps a service's files within memory.
     */
    private void count(OutcomeFile file, Map<String, Winner> winners, Map<Score, Score> totals) {
        Instant generatedAt = file.header().generatedAt();
        LocalDate today = LocalDate.ofInstant(generatedAt, ZoneOffset.UTC);
        String practitioner = file.header().practitionerPseudonym();
        for (FileReferral referral : file.referrals()) {
            Winner held = winners.get(referral.pseudonym());
            if (held != null && held.generatedAt().isAfter(generatedAt)) {
                continue;
            }
            ReferralRecord record = referral.toRecord();
            ReviewedReferral reviewed = new ReviewedReferral(record, file.outcome(record.key()), practitioner, today,
                    flags.evaluate(record, today));
            if (!reviewed.flagged()) {
                reviewed = new ReviewedReferral(totalsOnly(record, totals), reviewed.outcome(), practitioner, today,
                        reviewed.flags());
            }
            winners.put(record.key(), new Winner(generatedAt, reviewed));
        }
    }

    private static ReferralRecord totalsOnly(ReferralRecord record, Map<Score, Score> totals) {
        List<ContactRecord> contacts = new ArrayList<>(record.contacts().size());
        for (ContactRecord contact : record.contacts()) {
            List<Score> scores = new ArrayList<>(contact.scores().size());
            for (Score score : contact.scores()) {
                Score total = new Score(score.measure(), score.total(), null);
                scores.add(totals.computeIfAbsent(total, key -> key));
            }
            contacts.add(new ContactRecord(contact.date(), contact.type(), contact.attendance(), contact.medium(),
                    contact.step(), contact.minutes(), scores));
        }
        return new ReferralRecord(record.key(), record.referralDate(), record.endDate(), record.endReason(),
                record.problemDescriptor(), contacts, record.recordedRiskLevel());
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
