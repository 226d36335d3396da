package org.stepwise.exchange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.stepwise.benchmark.PeakHeap;
import org.stepwise.demo.DemoCaseload;
import org.stepwise.demo.DemoCaseloadGenerator;
import org.stepwise.demo.DemoPatient;
import org.stepwise.demo.DemoReferral;
import org.stepwise.domain.common.Version;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.referral.Referral;

/**
 * A supervisor's review at a whole service's scale (a measurement, not a test), in two steps for
 * {@code installer/bench.sh}:
 * {@code make DIR FILES REFERRALS} writes FILES outcome files of REFERRALS referrals each (invented
 * demo caseloads, one practitioner per file, mapped and written by the export's own mapper and
 * writer); {@code run DIR} reviews every file in DIR as {@code stepwise review --json} does (read,
 * verify, summarise, write the summary) and prints the milliseconds and the peak heap, or that the heap
 * ran out. Start {@code run} in a child JVM with the heap limit to hold to, for example {@code -Xmx512m}.
 */
public final class ReviewScaleBenchmark {

    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private ReviewScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[1]);
        if (args[0].equals("make")) {
            make(Files.createDirectories(folder), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        } else {
            run(folder);
        }
    }

    private static void make(Path folder, int files, int referralsPerFile) throws Exception {
        ServiceKey key = ServiceKey.of(new byte[32]);
        Pseudonymiser pseudonyms = key.pseudonymiser();
        java.time.Instant generatedAt = TODAY.atStartOfDay().toInstant(java.time.ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        ExportMapper mapper = new ExportMapper(pseudonyms, CATALOGUE, generatedAt);
        OutcomeFileWriter writer = new OutcomeFileWriter(CATALOGUE, key);
        long nextId = 1;
        int referralsInAll = 0;
        int contactsInAll = 0;
        for (int file = 0; file < files; file++) {
            DemoCaseload caseload = new DemoCaseloadGenerator(file, TODAY).generate(referralsPerFile);
            List<FileReferral> referrals = new ArrayList<>(referralsPerFile);
            for (DemoPatient demo : caseload.patients()) {
                Patient patient = demo.patient().withId(nextId++);
                for (DemoReferral r : demo.referrals()) {
                    if (referrals.size() == referralsPerFile) {
                        break;
                    }
                    long id = nextId++;
                    Referral referral = new Referral(id, new java.util.UUID(file, id), patient.id(),
                            r.referral().referralDate(), r.referral().source(), r.referral().problemDescriptor(), r.status(),
                            r.endDate(), r.endReason(), r.steps(), org.stepwise.domain.referral.Employment.NOT_RECORDED, true);
                    List<Contact> contacts = r.contacts().stream().map(c -> new Contact(null, id, c.date(), c.type(),
                            c.medium(), c.attendance(), c.step(), c.minutes(), c.therapyType(), c.note(), c.scores(),
                            c.riskReview())).toList();
                    if (mapper.leftOut(referral, patient, contacts).isPresent()) {
                        continue;
                    }
                    referrals.add(mapper.map(referral, patient, contacts));
                }
            }
            FileHeader header = new FileHeader(generatedAt, Version.product(), LocalDate.of(2025, 4, 1), TODAY, "DEMO",
                    pseudonyms.practitioner("practitioner-" + file), "PWP", key.fingerprint(),
                    new org.stepwise.domain.audit.AuditHead(file, "0".repeat(64)));
            Path sub = Files.createDirectories(folder.resolve(String.format(Locale.ROOT, "practitioner-%02d", file)));
            OutcomeFileWriter.Written written = writer.write(sub, header, referrals.iterator());
            referralsInAll += written.referralCount();
            contactsInAll += written.contactCount();
        }
        System.out.printf(Locale.ROOT, "wrote %d files: %d referrals, %d contacts%n", files, referralsInAll, contactsInAll);
    }

    private static void run(Path folder) throws Exception {
        PeakHeap heap = PeakHeap.start();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        Review review;
        String summary;
        try {
            review = new ReviewService(CATALOGUE).review(files);
            summary = ReviewJson.write(review);
        } catch (OutOfMemoryError e) {
            System.out.printf(Locale.ROOT, "review out of memory after-ms=%d (%d files, max heap %d MB)%n",
                    (System.nanoTime() - start) / 1_000_000, files.size(), Runtime.getRuntime().maxMemory() >> 20);
            return;
        }
        long end = System.nanoTime();
        long cpu = os.getProcessCpuTime() - cpuStart;
        // Cores busy on average while the review ran (processor time over elapsed time), and files read at once.
        System.out.printf(Locale.ROOT, "review ms=%d peak-heap-mb=%d cpu-ms=%d readers=%d cores=%d (%d files, %d refused, "
                + "%d referrals, %d characters of summary)%n", (end - start) / 1_000_000, heap.megabytes(), cpu / 1_000_000,
                ReviewService.readers(Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory()),
                Runtime.getRuntime().availableProcessors(), review.files(), review.refused().size(),
                review.overall().referrals(), summary.length());
    }
}
