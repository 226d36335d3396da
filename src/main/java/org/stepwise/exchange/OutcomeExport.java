package org.stepwise.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.StoredReferral;
import org.stepwise.domain.common.Version;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.referral.Referral;

/**
 * The practitioner's export of issue 6: chooses the referrals of a period from the open store, maps
 * them one at a time ({@link ExportMapper}) and hands them to the outcome file writer (format 2, sealed
 * with the service key and witnessing the store's audit log as it stands at export) or the CSV tables,
 * or counts them for a preview. Memory stays bounded whatever the caseload: the store is read
 * in chunks of referrals by id ({@link CaseloadStore#referralsAfter}), one chunk held at a time. Each
 * chunk is one read transaction, so every referral is exported as it stood at one moment, never half
 * before and half after a save. Runs on the store thread.
 */
public final class OutcomeExport {

    /** Hears how far an export has gone, and may stop it (then no file is written). */
    public interface Progress {

        /** Called from the export's own thread after each referral: {@code done} of {@code total} read. */
        void update(int done, int total);

        /** Checked before each referral; true stops the export with a {@link CancellationException}. */
        default boolean cancelled() {
            return false;
        }

        /** Progress nobody follows. */
        Progress NONE = (done, total) -> { };
    }

    /**
     * What an export of a period would write, computed by the same path as the export itself: the
     * header, the counts, the referrals left out (with why), and an example referral exactly as it
     * will appear (the first with scores, else the first; empty when there is none).
     */
    public record Preview(FileHeader header, ExportPeriod period, int referralCount, int contactCount, int scoreCount,
            Map<ExportMapper.LeftOut, Integer> leftOut, Optional<FileReferral> example) {

        public Preview {
            leftOut = copyOf(leftOut);
        }

        /** The example referral as formatted JSON, as it will appear in the file; empty when there is none. */
        public String exampleJson() {
            return example.map(referral -> {
                try {
                    return new ObjectMapper().writerWithDefaultPrettyPrinter()
                            .writeValueAsString(OutcomeFileJson.referral(referral));
                } catch (JsonProcessingException e) {
                    throw new UncheckedIOException(e);
                }
            }).orElse("");
        }
    }

    /** A finished export: what was written, and the referrals of the period the format could not hold. */
    public record Result<W>(W written, Map<ExportMapper.LeftOut, Integer> leftOut) {
        public Result {
            leftOut = copyOf(leftOut);
        }
    }

    private static final System.Logger LOG = System.getLogger(OutcomeExport.class.getName());

    /**
     * Referrals read from the store at a time: a few queries per chunk instead of several per referral,
     * while memory holds one chunk (a few MiB at most) whatever the caseload.
     */
    static final int CHUNK_SIZE = 500;

    private final CaseloadStore store;
    private final MeasureCatalogue catalogue;
    private final Clock clock;
    private final int chunkSize;

    public OutcomeExport(CaseloadStore store, MeasureCatalogue catalogue, Clock clock) {
        this(store, catalogue, clock, CHUNK_SIZE);
    }

    /** An export that reads the store {@code chunkSize} referrals at a time (tests try small chunks). */
    OutcomeExport(CaseloadStore store, MeasureCatalogue catalogue, Clock clock, int chunkSize) {
        this.store = Objects.requireNonNull(store, "store");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (chunkSize < 1) {
            throw new IllegalArgumentException("A chunk holds at least one referral.");
        }
        this.chunkSize = chunkSize;
    }

    /** Counts what an export of this period would write, and keeps one example; writes nothing. */
    public Preview preview(ExportPeriod period, Progress progress) {
        Selection selection = select(period, progress);
        int referrals = 0;
        int contacts = 0;
        int scores = 0;
        FileReferral example = null;
        while (selection.hasNext()) {
            FileReferral referral = selection.next();
            referrals++;
            contacts += referral.contacts().size();
            scores += referral.scoreCount();
            if (example == null || example.scoreCount() == 0 && referral.scoreCount() > 0) {
                example = referral;
            }
        }
        return new Preview(selection.header, period, referrals, contacts, scores, selection.leftOut,
                Optional.ofNullable(example));
    }

    /** Writes the outcome file (format 2) into {@code folder}. */
    public Result<OutcomeFileWriter.Written> writeJson(Path folder, ExportPeriod period, Progress progress)
            throws IOException {
        Selection selection = select(period, progress);
        OutcomeFileWriter.Written written = new OutcomeFileWriter(catalogue, selection.key).write(folder,
                selection.header, selection);
        logWritten("outcome file", written.referralCount(), written.contactCount(), written.scoreCount(), selection);
        recordExport("outcome file", written.referralCount(), period);
        return new Result<>(written, selection.leftOut);
    }

    /** Writes the CSV tables and their manifest into {@code folder}. */
    public Result<CsvTables.Written> writeCsv(Path folder, ExportPeriod period, Progress progress) throws IOException {
        Selection selection = select(period, progress);
        CsvTables.Written written = new CsvTables().write(folder, selection.header, selection);
        logWritten("CSV tables", written.referralCount(), written.contactCount(), written.scoreCount(), selection);
        recordExport("CSV tables", written.referralCount(), period);
        return new Result<>(written, selection.leftOut);
    }

    /** Writes the export to the store's audit log: what was written, how many referrals, which period. */
    private void recordExport(String what, int referrals, ExportPeriod period) {
        store.audit().recordExport(what + ", " + referrals + " referrals, period " + period.start() + " to " + period.end());
    }

    /** An outcome file and CSV tables written from one reading of the store. */
    public record Both(OutcomeFileWriter.Written json, CsvTables.Written csv) {
    }

    /**
     * Writes the outcome file into {@code jsonFolder} and the CSV tables into {@code csvFolder} from one
     * reading of the store: each referral goes into both as it is read. When anything fails before the
     * outcome file is in place, neither is written; the tables are moved into place after it.
     */
    public Result<Both> writeJsonAndCsv(Path jsonFolder, Path csvFolder, ExportPeriod period, Progress progress)
            throws IOException {
        Selection selection = select(period, progress);
        try (CsvTables.Writing csv = new CsvTables().open(csvFolder, selection.header)) {
            Iterator<FileReferral> intoBoth = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return selection.hasNext();
                }

                @Override
                public FileReferral next() {
                    FileReferral referral = selection.next();
                    try {
                        csv.add(referral);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return referral;
                }
            };
            OutcomeFileWriter.Written json;
            try {
                json = new OutcomeFileWriter(catalogue, selection.key).write(jsonFolder, selection.header, intoBoth);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            CsvTables.Written tables = csv.finish();
            logWritten("outcome file", json.referralCount(), json.contactCount(), json.scoreCount(), selection);
            logWritten("CSV tables", tables.referralCount(), tables.contactCount(), tables.scoreCount(), selection);
            recordExport("outcome file", json.referralCount(), period);
            recordExport("CSV tables", tables.referralCount(), period);
            return new Result<>(new Both(json, tables), selection.leftOut);
        }
    }

    /** Counts only: never a path (a folder may be named after someone) and never patient data. */
    private static void logWritten(String what, int referrals, int contacts, int scores, Selection selection) {
        LOG.log(System.Logger.Level.INFO, "Export written ({0}): {1} referrals, {2} contacts, {3} scores, "
                + "{4} left out, period {5} to {6}", what, referrals, contacts, scores,
                selection.leftOut.values().stream().mapToInt(Integer::intValue).sum(),
                selection.header.periodStart(), selection.header.periodEnd());
    }

    /** The store's service key, or empty when the practitioner has neither generated nor imported one. */
    public Optional<ServiceKey> serviceKey() {
        return store.serviceKey().map(ServiceKey::of);
    }

    private Selection select(ExportPeriod period, Progress progress) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(progress, "progress");
        ServiceKey key = serviceKey().orElseThrow(() -> new ExportException(
                "There is no service key yet, so nothing can be pseudonymised. Import your service's key file "
                        + "(or, if you are the service's only practitioner, generate a key) on the Export screen, "
                        + "then export again."));
        Pseudonymiser pseudonyms = key.pseudonymiser();
        PractitionerProfile profile = store.profile();
        Instant generatedAt = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        FileHeader header = new FileHeader(generatedAt, Version.product(), period.start(), period.end(),
                profile.serviceCode(), pseudonyms.practitioner(store.practitionerUid()), profile.role().exportRole(),
                key.fingerprint(), store.audit().head());
        return new Selection(header, key, period, new ExportMapper(pseudonyms, catalogue, generatedAt),
                store.referralCount(), progress);
    }

    /**
     * The referrals of the period, read from the store in chunks of {@link #chunkSize} by id as the writer
     * asks for them (each chunk one read transaction), then checked against the period and mapped one at
     * a time; those outside the period are skipped. One chunk is held at a time.
     */
    private final class Selection implements Iterator<FileReferral> {

        private final FileHeader header;
        private final ServiceKey key;
        private final ExportPeriod period;
        private final ExportMapper mapper;
        private final int total;
        private final Progress progress;
        private final Map<ExportMapper.LeftOut, Integer> leftOut = new EnumMap<>(ExportMapper.LeftOut.class);
        private Iterator<StoredReferral> chunk = Collections.emptyIterator();
        private long lastId = 0;
        private boolean exhausted;
        private int done;
        private FileReferral next;

        Selection(FileHeader header, ServiceKey key, ExportPeriod period, ExportMapper mapper, int total,
                Progress progress) {
            this.header = header;
            this.key = key;
            this.period = period;
            this.mapper = mapper;
            this.total = total;
            this.progress = progress;
        }

        @Override
        public boolean hasNext() {
            while (next == null && nextStored()) {
                if (progress.cancelled()) {
                    throw new CancellationException("The export was stopped; no file was written.");
                }
                StoredReferral stored = chunk.next();
                Referral referral = stored.referral();
                List<Contact> contacts = stored.contacts();
                if (period.includes(referral.referralDate(), referral.endDate(),
                        contacts.stream().map(Contact::date).toList())) {
                    Optional<ExportMapper.LeftOut> reason = mapper.leftOut(referral, stored.patient(), contacts);
                    if (reason.isPresent()) {
                        leftOut.merge(reason.get(), 1, Integer::sum);
                    } else {
                        next = mapper.map(referral, stored.patient(), contacts);
                    }
                }
                done++;
                progress.update(done, Math.max(done, total));
            }
            return next != null;
        }

        /** Whether a stored referral is waiting in the chunk, reading the next chunk when this one is used up. */
        private boolean nextStored() {
            if (!chunk.hasNext() && !exhausted) {
                List<StoredReferral> read = store.referralsAfter(lastId, chunkSize);
                exhausted = read.isEmpty();
                if (!exhausted) {
                    lastId = read.getLast().id();
                }
                chunk = read.iterator();
            }
            return chunk.hasNext();
        }

        @Override
        public FileReferral next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            FileReferral result = next;
            next = null;
            return result;
        }
    }

    private static Map<ExportMapper.LeftOut, Integer> copyOf(Map<ExportMapper.LeftOut, Integer> leftOut) {
        Map<ExportMapper.LeftOut, Integer> copy = new EnumMap<>(ExportMapper.LeftOut.class);
        copy.putAll(leftOut);
        return Collections.unmodifiableMap(copy);
    }

    /** Counts of referrals left out, in words: "2 referrals (no problem descriptor recorded yet)"; empty when none. */
    public static List<String> describe(Map<ExportMapper.LeftOut, Integer> leftOut) {
        return leftOut.entrySet().stream()
                .map(e -> e.getValue() + (e.getValue() == 1 ? " referral (" : " referrals (") + e.getKey().label() + ")")
                .toList();
    }
}
