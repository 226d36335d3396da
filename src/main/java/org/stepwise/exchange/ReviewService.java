package org.stepwise.exchange;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.stepwise.architecture.DeliberateThread;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.flag.FlagEvaluator;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.OutcomeSummary;
import org.stepwise.domain.outcome.ReferralOutcome;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.outcome.ReportingPeriod;

/**
 * Reviews many outcome files at once, of format 1 and 2 alike. Each file is read a referral at a time
 * and verified whole; a refused file contributes nothing (what was taken of it is dropped). With the
 * service's key, a format-2 file whose MAC fails or is missing is refused; without it, or for a file of
 * format 1, the file's authenticity is not checked and the review says so.
 *
 * <p>A referral in several accepted files counts once: the copy from the file with the latest
 * {@code generatedAt} wins (on a tie, the file given later), with that file's period. Format-2
 * pseudonyms are unique across a service, so such copies share the referral pseudonym; format-1
 * pseudonyms are unique only within their practitioner (they were made from a row number of one
 * store), so format-1 copies are the same referral only when practitioner and referral pseudonym both
 * match. A referral in a format-1 file and a format-2 file has two unrelated pseudonyms and counts
 * twice: nothing in the files can link them. Flags are raised as of the date of the winning file's
 * {@code generatedAt} (UTC). Thread-safe.
 */
@DeliberateThread("reads one outcome file per core at once (as far as the heap allows), on reader threads that end with each review; it serves the "
        + "command line as well as the review screen's background work, and never touches the store")
public final class ReviewService {

    /**
     * Heap set aside for each file in flight: a 2,000-referral outcome file read, verified and held
     * until counted peaked at about 200 MB with two in flight in a 512 MB heap (docs/performance.md).
     */
    static final long HEAP_PER_READER = 192L * 1024 * 1024;

    /** The group of {@link #byStep} for a referral with no contact yet. */
    public static final String NO_CONTACT = "No contact yet";

    private final MeasureCatalogue catalogue;
    private final OutcomeFileReader reader;
    private final FlagEvaluator flags;

    /** A review without the service key: digests are checked, authenticity is not. */
    public ReviewService(MeasureCatalogue catalogue) {
        this(catalogue, null);
    }

    /**
     * A review that judges by {@code catalogue} and, with the service's {@code key} (null: none),
     * refuses a format-2 file whose MAC fails or is missing.
     */
    public ReviewService(MeasureCatalogue catalogue, ServiceKey key) {
        this.catalogue = catalogue;
        this.reader = new OutcomeFileReader(catalogue, key);
        this.flags = new FlagEvaluator(catalogue);
    }

    /** The copy of a referral that counts so far, and the {@code generatedAt} of the file it came from. */
    private record Winner(Instant generatedAt, ReviewedReferral referral) {
    }

    /** One file read: its result, and its referrals as the review keeps them (to count only if verified). */
    private record ReadFile(Path path, StreamResult result, FileReferrals referrals) {
    }

    private ReadFile read(Path path) {
        FileReferrals referrals = new FileReferrals();
        // A device (/dev/zero) or a pipe would be read for ever: only plain files are opened (issue 19).
        java.util.Optional<String> notAFile = org.stepwise.files.PlainFiles.inputProblem(path);
        if (notAFile.isPresent()) {
            return new ReadFile(path, new StreamResult.Refused("the file " + notAFile.get()), referrals);
        }
        return new ReadFile(path, reader.read(path, referrals), referrals);
    }

    private static ReadFile take(Future<ReadFile> read) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The review was interrupted.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException unexpected) {
                throw unexpected;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Files read at once: one per core the machine has, but no more than {@code maxHeap} holds at
     * {@link #HEAP_PER_READER} each, and at least one.
     */
    static int readers(int cores, long maxHeap) {
        return (int) Math.max(1, Math.min(cores, maxHeap / HEAP_PER_READER));
    }

    public Review review(List<Path> files) {
        List<Review.RefusedFile> refused = new ArrayList<>();
        List<Review.AcceptedFile> acceptedFiles = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, Winner> winners = new HashMap<>();
        int readersAtOnce = readers(Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory());
        ExecutorService readers = Executors.newFixedThreadPool(readersAtOnce, Thread.ofPlatform().name("review-", 1)
                .daemon().factory());
        try {
            // At most readersAtOnce files in flight; each is taken in the order given, so the result and its
            // reasons are the same as reading them one after another.
            Deque<Future<ReadFile>> inFlight = new ArrayDeque<>();
            int next = 0;
            for (int taken = 0; taken < files.size(); taken++) {
                while (next < files.size() && inFlight.size() < readersAtOnce) {
                    Path path = files.get(next++);
                    inFlight.add(readers.submit(() -> read(path)));
                }
                ReadFile read = take(inFlight.poll());
                switch (read.result()) {
                    case StreamResult.Refused(String reason) -> refused.add(new Review.RefusedFile(read.path(), reason));
                    case StreamResult.Verified file -> {
                        // Only a verified file gets here: what a refused one gave was dropped with it.
                        acceptedFiles.add(new Review.AcceptedFile(read.path(), file.header(), file.referrals(),
                                file.contacts(), file.scores(), file.warnings(), file.authenticity()));
                        file.warnings().forEach(w -> warnings.add(read.path().getFileName() + ": " + w));
                        read.referrals().countInto(winners);
                    }
                }
            }
        } finally {
            readers.shutdownNow();
        }
        List<ReviewedReferral> referrals = new ArrayList<>(winners.size());
        winners.values().forEach(winner -> referrals.add(winner.referral()));
        referrals.sort(Comparator.comparing(ReviewedReferral::pseudonym).thenComparing(ReviewedReferral::practitioner));
        OutcomeSummary overall = summary(referrals);
        Map<String, OutcomeSummary> byPractitioner = group(referrals, ReviewedReferral::practitioner, new TreeMap<>());
        List<Review.FlaggedReferral> flagged = referrals.stream()
                .filter(ReviewedReferral::flagged)
                .map(r -> new Review.FlaggedReferral(r.pseudonym(), r.practitioner(), r.flags()))
                .toList();
        return new Review(files.size(), refused, warnings, overall, byPractitioner, flagged, acceptedFiles, referrals,
                catalogue);
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
        return group(referrals, ReviewedReferral::problemDescriptor, new TreeMap<>());
    }

    private static Map<String, OutcomeSummary> group(Collection<ReviewedReferral> referrals,
            Function<ReviewedReferral, String> key, Map<String, OutcomeSummary> into) {
        Map<String, List<ReviewedReferral>> groups = referrals.stream().collect(Collectors.groupingBy(key,
                TreeMap::new, Collectors.toList()));
        groups.forEach((group, list) -> into.put(group, summary(list)));
        return into;
    }

    /** The figures of these referrals, each counted in the cohort of its own file's period (§4). */
    static OutcomeSummary summary(Collection<ReviewedReferral> referrals) {
        OutcomeSummary.Tally tally = new OutcomeSummary.Tally();
        referrals.forEach(r -> tally.add(r.outcome(), r.period()));
        return tally.summary();
    }

    /**
     * One file's referrals as the review keeps them, taken as the file is read and counted only once
     * it is verified, so that no file is kept whole: flags raised as of the file's
     * {@code generatedAt}; a referral the review does not flag keeps its contacts' score totals only
     * (nothing a review shows of it uses the item responses).
     */
    private final class FileReferrals implements OutcomeFileReader.Receiver {
        private final List<ReviewedReferral> referrals = new ArrayList<>();
        private Instant generatedAt;
        private LocalDate today;
        private String practitioner;
        private ReportingPeriod period;
        private int version;

        @Override
        public boolean begin(FileHeader header) {
            if (header == null) {
                return false;
            }
            generatedAt = header.generatedAt();
            today = LocalDate.ofInstant(generatedAt, ZoneOffset.UTC);
            practitioner = header.practitionerPseudonym();
            period = header.period();
            version = header.formatVersion();
            return true;
        }

        @Override
        public void referral(FileReferral referral, ReferralOutcome outcome) {
            ReferralRecord record = referral.toRecord();
            List<Flag> raised = flags.evaluate(record, today);
            ReviewedReferral reviewed = new ReviewedReferral(record, outcome, practitioner, period, today, raised);
            referrals.add(reviewed.flagged() ? reviewed
                    : new ReviewedReferral(totalsOnly(record), outcome, practitioner, period, today, raised));
        }

        /**
         * Takes the verified file's referrals into the winners: a copy replaces the one held when its
         * file's {@code generatedAt} is the same or later (files are given in order, so on a tie the
         * later file wins).
         */
        void countInto(Map<String, Winner> winners) {
            for (ReviewedReferral referral : referrals) {
                String identity = identity(version, referral);
                Winner held = winners.get(identity);
                if (held == null || !held.generatedAt().isAfter(generatedAt)) {
                    winners.put(identity, new Winner(generatedAt, referral));
                }
            }
        }
    }

    /**
     * What makes two copies the same referral: the referral pseudonym in format 2 (unique across a
     * service); practitioner and referral pseudonym in format 1 (unique only within a practitioner).
     * The two forms never meet, so a format-1 copy never stands for a format-2 one.
     */
    static String identity(int formatVersion, ReviewedReferral referral) {
        return formatVersion == 1 ? "1:" + referral.practitioner() + ":" + referral.pseudonym()
                : "2:" + referral.pseudonym();
    }

    private static ReferralRecord totalsOnly(ReferralRecord record) {
        List<ContactRecord> contacts = new ArrayList<>(record.contacts().size());
        for (ContactRecord contact : record.contacts()) {
            List<Score> scores = new ArrayList<>(contact.scores().size());
            for (Score score : contact.scores()) {
                scores.add(new Score(score.measure(), score.total(), null));
            }
            contacts.add(new ContactRecord(contact.date(), contact.type(), contact.attendance(), contact.medium(),
                    contact.step(), contact.minutes(), scores, contact.therapyType()));
        }
        return new ReferralRecord(record.key(), record.referralDate(), record.endDate(), record.endReason(),
                record.problemDescriptor(), contacts, record.recordedRiskLevel());
    }
}
