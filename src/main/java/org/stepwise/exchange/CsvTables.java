package org.stepwise.exchange;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.stepwise.domain.common.Coded;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.referral.Employment;

/**
 * Writes the content of an outcome file (format 2) as three tables in the spirit of the national dataset's
 * referral, care-contact and coded-score tables ({@code referrals.csv}, {@code contacts.csv},
 * {@code scores.csv}) and a {@code manifest.json} with the file's header fields and the SHA-256 and
 * row count of each table. RFC 4180, a header row, UTF-8 without a byte order mark, CRLF line ends;
 * an empty field is null. Streaming: one referral is in memory at a time. Each file is written to a
 * temporary file in the folder and moved into place only when all are complete, the manifest last
 * (an earlier manifest is removed first), so a manifest always describes a whole set.
 */
public final class CsvTables {

    public static final String REFERRALS = "referrals.csv";
    public static final String CONTACTS = "contacts.csv";
    public static final String SCORES = "scores.csv";
    public static final String MANIFEST = "manifest.json";

    static final List<String> REFERRAL_COLUMNS = List.of("pseudonym", "patientPseudonym", "ageBand", "gender",
            "ethnicity", "referralDate", "source", "problemDescriptor", "endDate", "endReason", "employmentAtStart",
            "employmentAtEnd", "employmentSupport", "treatmentContacts",
            "finishedTreatment", "depressionMeasure", "anxietyMeasure", "firstDepressionScore", "firstAnxietyScore",
            "lastDepressionScore", "lastAnxietyScore", "atCaseness", "recovered", "reliableImprovement",
            "reliableDeterioration", "reliableRecovery", "daysReferralToAssessment", "daysReferralToFirstTreatment");
    static final List<String> CONTACT_COLUMNS = List.of("referral", "date", "type", "attendance", "medium", "step",
            "minutes", "therapyType");
    static final List<String> SCORE_COLUMNS = List.of("referral", "date", "measure", "total", "items");

    private final ObjectMapper mapper = new ObjectMapper();

    /** What a finished CSV export holds: the folder, the counts, and each file's SHA-256 by file name. */
    public record Written(Path folder, int referralCount, int contactCount, int scoreCount, Map<String, String> sha256) {
        public Written {
            sha256 = Map.copyOf(sha256);
        }
    }

    /**
     * Writes the tables and the manifest into {@code folder} (created if missing), replacing an earlier
     * export there. On any failure, the referral source throwing included, the temporary files are
     * deleted and no new manifest is written.
     */
    public Written write(Path folder, FileHeader header, Iterator<FileReferral> referrals) throws IOException {
        Objects.requireNonNull(referrals, "referrals");
        try (Writing writing = open(folder, header)) {
            while (referrals.hasNext()) {
                writing.add(referrals.next());
            }
            return writing.finish();
        }
    }

    /**
     * Starts the tables in {@code folder} (created if missing) for referrals given one at a time, as
     * {@link #write} does from a source: for writing them while the same referrals go into the outcome
     * file. Closing it before {@link Writing#finish} discards what was written.
     */
    public Writing open(Path folder, FileHeader header) throws IOException {
        Objects.requireNonNull(header, "header");
        Files.createDirectories(folder);
        return new Writing(folder, header);
    }

    /** Tables being written to their temporary files, one referral at a time. */
    public final class Writing implements AutoCloseable {

        private final Path folder;
        private final FileHeader header;
        private final List<Table> tables = new ArrayList<>(3);
        private final Table referralTable;
        private final Table contactTable;
        private final Table scoreTable;

        private Writing(Path folder, FileHeader header) throws IOException {
            this.folder = folder;
            this.header = header;
            try {
                referralTable = Table.open(folder, REFERRALS, REFERRAL_COLUMNS, tables);
                contactTable = Table.open(folder, CONTACTS, CONTACT_COLUMNS, tables);
                scoreTable = Table.open(folder, SCORES, SCORE_COLUMNS, tables);
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
        }

        /** Writes the referral's rows: one in the referral table, its contacts, and their scores. */
        public void add(FileReferral referral) throws IOException {
            referralTable.csv.row(referralRow(referral));
            for (ContactRecord contact : referral.contacts()) {
                contactTable.csv.row(Arrays.asList(referral.pseudonym(), contact.date(), contact.type().code(),
                        contact.attendance().code(), contact.medium().code(), contact.step(), contact.minutes(),
                        contact.therapyType()));
                for (Score score : contact.scores()) {
                    scoreTable.csv.row(Arrays.asList(referral.pseudonym(), contact.date(), score.measure().name(),
                            number(score.total()), items(score.items())));
                }
            }
        }

        /** Completes the tables, writes the manifest and moves them all into place, the manifest last. */
        public Written finish() throws IOException {
            Map<String, String> digests = new LinkedHashMap<>();
            ObjectNode manifest = OutcomeFileJson.header(header);
            ArrayNode files = manifest.putArray("tables");
            for (Table table : tables) {
                table.finish();
                digests.put(table.name, table.sha256);
                files.addObject().put("file", table.name).put("rows", table.dataRows()).put("sha256", table.sha256);
            }
            Path manifestTemp = Files.createTempFile(folder, ".stepwise-csv-", ".part");
            try {
                try (FileOutputStream out = new FileOutputStream(manifestTemp.toFile())) {
                    out.write(mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                    out.write('\n');
                    out.getChannel().force(true);
                }
                Files.deleteIfExists(folder.resolve(MANIFEST));
                for (Table table : tables) {
                    Files.move(table.temp, folder.resolve(table.name), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(manifestTemp, folder.resolve(MANIFEST), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(manifestTemp);
            }
            return new Written(folder, referralTable.dataRows(), contactTable.dataRows(), scoreTable.dataRows(),
                    digests);
        }

        /**
         * Deletes the temporary files that were not moved into place: every one of them, even when closing
         * one fails (a full disk fails the flush of what was buffered); the first failure is thrown after.
         */
        @Override
        public void close() throws IOException {
            IOException first = null;
            for (Table table : tables) {
                try {
                    table.discard();
                } catch (IOException e) {
                    if (first == null) {
                        first = e;
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }

    private static List<Object> referralRow(FileReferral referral) {
        FileOutcome outcome = referral.outcome();
        Employment employment = referral.employment() == null ? Employment.NOT_RECORDED : referral.employment();
        return Arrays.asList(referral.pseudonym(), referral.patientPseudonym(), referral.ageBand().code(),
                referral.gender().code(), referral.ethnicity().code(), referral.referralDate(),
                referral.source().code(), referral.problemDescriptor(), referral.endDate(), code(referral.endReason()),
                code(employment.atStart()), code(employment.atEnd()), employment.support(),
                outcome.treatmentContacts(), outcome.finishedTreatment(), outcome.depressionMeasure().name(),
                outcome.anxietyMeasure().name(),
                number(outcome.firstScores().get(outcome.depressionMeasure())),
                number(outcome.firstScores().get(outcome.anxietyMeasure())),
                number(outcome.lastScores().get(outcome.depressionMeasure())),
                number(outcome.lastScores().get(outcome.anxietyMeasure())),
                outcome.atCaseness(), outcome.recovered(), outcome.reliableImprovement(),
                outcome.reliableDeterioration(), outcome.reliableRecovery(), outcome.daysReferralToAssessment(),
                outcome.daysReferralToFirstTreatment());
    }

    private static String code(Coded coded) {
        return coded == null ? null : coded.code();
    }

    /** A total as the JSON file writes it: plain, without trailing zeros (14, MI 2.3). */
    private static String number(BigDecimal total) {
        return total == null ? null : FileOutcome.plain(total).toPlainString();
    }

    /** Item responses as {@code 2;1;0;…}, an unanswered item as an empty place; null when none were recorded. */
    private static String items(List<Integer> items) {
        return items == null ? null : items.stream().map(i -> i == null ? "" : i.toString())
                .collect(Collectors.joining(";"));
    }

    /** One table being written to its temporary file, with its digest. */
    private static final class Table {

        final String name;
        final Path temp;
        final FileOutputStream file;
        final MessageDigest digest = OutcomeFileWriter.sha256();
        final BufferedWriter writer;
        final CsvWriter csv;
        String sha256;
        boolean closed;

        private Table(String name, Path temp) throws IOException {
            this.name = name;
            this.temp = temp;
            this.file = new FileOutputStream(temp.toFile());
            this.writer = new BufferedWriter(new OutputStreamWriter(new DigestOutputStream(file, digest),
                    StandardCharsets.UTF_8));
            this.csv = new CsvWriter(writer);
        }

        static Table open(Path folder, String name, List<String> columns, List<Table> opened) throws IOException {
            Path temp = Files.createTempFile(folder, ".stepwise-csv-", ".part");
            Table table;
            try {
                table = new Table(name, temp);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            opened.add(table);
            table.csv.row(columns);
            return table;
        }

        int dataRows() {
            return csv.rows() - 1;
        }

        void finish() throws IOException {
            writer.flush();
            file.getChannel().force(true);
            close();
            sha256 = HexFormat.of().formatHex(digest.digest());
        }

        void discard() throws IOException {
            try {
                close();
            } finally {
                Files.deleteIfExists(temp);
            }
        }

        private void close() throws IOException {
            if (!closed) {
                closed = true;
                writer.close();
            }
        }
    }
}
