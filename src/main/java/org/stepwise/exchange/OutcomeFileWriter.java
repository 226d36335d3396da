package org.stepwise.exchange;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.outcome.ContactRecord;

/**
 * Writes an outcome file of format 2 from a header and referrals, streaming: one referral is in memory
 * at a time. The header members come first, then the referrals, then the integrity block with the
 * counts, the SHA-256 of the canonical form of the whole document without {@code integrity.sha256} and
 * {@code integrity.mac} (the seal), and the HMAC-SHA256 of the same bytes under the service key.
 *
 * <p>The file is written to a temporary file in the target folder up to the end of the referrals, then
 * read back one referral at a time: each is checked against the schema and goes into the seal as a
 * reader will parse and canonicalise it (the counts, which the seal covers before the referrals, are
 * known by then). The integrity block is written from that, the header and integrity are checked
 * against the schema, the file is forced to disk and moved into place in one step; on any failure no
 * file is left. Every score and every date is checked as a reader will check it, and the export refused
 * with the reader's words when one would refuse the file.
 */
public final class OutcomeFileWriter {

    private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final ObjectMapper mapper = new ObjectMapper();
    private final MeasureCatalogue catalogue;
    private final ServiceKey key;
    private final OutcomeFileSchema schema = OutcomeFileSchema.format(FileHeader.WRITTEN_VERSION);

    /**
     * A writer that checks every score against this catalogue, as a reader will, and seals each file
     * with the service's key (the key its pseudonyms were made with).
     */
    public OutcomeFileWriter(MeasureCatalogue catalogue, ServiceKey key) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.key = Objects.requireNonNull(key, "key");
    }

    /** What a finished export holds: the file written and its integrity figures. */
    public record Written(Path file, int referralCount, int contactCount, int scoreCount, String sha256) {
    }

    /** {@code stepwise-<serviceCode>-<practitionerPseudonym>-<yyyyMMdd>.json}, the date of generatedAt in UTC. */
    public static String fileName(FileHeader header) {
        return "stepwise-" + header.serviceCode() + "-" + header.practitionerPseudonym() + "-"
                + FILE_DATE.format(header.generatedAt()) + ".json";
    }

    /**
     * Writes the file into {@code folder}, replacing an export of the same name (same service,
     * practitioner and day). Throws {@link ExportException} when a score or a date is not acceptable
     * or the result does not conform to the schema (a reader would refuse the file), and IOException
     * when the disk fails; in every case nothing is left behind.
     */
    public Written write(Path folder, FileHeader header, Iterator<FileReferral> referrals) throws IOException {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(referrals, "referrals");
        if (header.formatVersion() != FileHeader.WRITTEN_VERSION) {
            throw new IllegalArgumentException("Stepwise writes format " + FileHeader.WRITTEN_VERSION + " only.");
        }
        if (header.auditHead() == null) {
            throw new IllegalArgumentException("A file of format 2 witnesses the writer's audit log: give its head.");
        }
        if (!header.keyFingerprint().equals(key.fingerprint())) {
            throw new IllegalArgumentException("The header names another key than the one the file is sealed with.");
        }
        Path target = folder.resolve(fileName(header));
        Path temp = Files.createTempFile(folder, ".stepwise-export-", ".part");
        try {
            Written written = writeTo(temp, target, header, referrals);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return written;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Writes the whole document to {@code temp}; the result names {@code target}, where it will be moved. */
    private Written writeTo(Path temp, Path target, FileHeader header, Iterator<FileReferral> referrals) throws IOException {
        int referralCount = 0;
        int contactCount = 0;
        int scoreCount = 0;
        ObjectNode headerNode = OutcomeFileJson.header(header);
        try (FileOutputStream file = new FileOutputStream(temp.toFile());
             JsonGenerator json = new JsonFactory(mapper).createGenerator(file, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            for (Map.Entry<String, JsonNode> member : headerNode.properties()) {
                json.writeFieldName(member.getKey());
                json.writeTree(member.getValue());
            }
            json.writeArrayFieldStart(Seal.REFERRALS);
            while (referrals.hasNext()) {
                FileReferral referral = referrals.next();
                check(referral, header);
                json.writeTree(OutcomeFileJson.referral(referral));
                referralCount++;
                contactCount += referral.contacts().size();
                scoreCount += referral.scoreCount();
            }
            json.writeEndArray();
            json.flush();

            ObjectNode skeleton = headerNode.deepCopy();
            skeleton.putArray(Seal.REFERRALS);
            ObjectNode integrity = skeleton.putObject("integrity");
            integrity.put("referralCount", referralCount);
            integrity.put("contactCount", contactCount);
            integrity.put("scoreCount", scoreCount);
            Seal seal = new Seal(skeleton, key);
            readBack(temp, seal);
            seal.end();
            String digest = seal.sha256();
            integrity.put("sha256", digest);
            integrity.put("mac", seal.mac().orElseThrow());
            Optional<String> violation = schema.firstViolation(skeleton);
            if (violation.isPresent()) {
                throw new ExportException("The export does not conform to format 2 (" + violation.get()
                        + "); no file was written.");
            }

            json.writeFieldName("integrity");
            json.writeTree(integrity);
            json.writeEndObject();
            json.writeRaw('\n');
            json.flush();
            file.getChannel().force(true);
            return new Written(target, referralCount, contactCount, scoreCount, digest);
        }
    }

    /**
     * Reads back what was written up to the end of the referrals, one referral at a time: each is
     * checked against the schema's referral definition and goes into the seal as parsed, exactly as a
     * reader will canonicalise it.
     */
    private void readBack(Path temp, Seal seal) throws IOException {
        try (InputStream in = Files.newInputStream(temp); JsonParser parser = mapper.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new ExportException("The export could not be read back; no file was written.");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (!name.equals(Seal.REFERRALS)) {
                    parser.skipChildren();
                    continue;
                }
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    JsonNode referral = mapper.readTree(parser);
                    if (!ReferralSchemaCheck.accepts(referral, FileHeader.WRITTEN_VERSION)) {
                        Optional<String> violation = schema.referralViolation(referral, index);
                        if (violation.isPresent()) {
                            throw new ExportException("The export does not conform to format 2 (" + violation.get()
                                    + "); no file was written.");
                        }
                    }
                    try {
                        seal.referral(referral);
                    } catch (IllegalArgumentException noCanonicalForm) {
                        throw new ExportException("A referral of the export has no canonical form ("
                                + noCanonicalForm.getMessage() + "); no file was written.");
                    }
                    index++;
                }
                return;
            }
            throw new ExportException("The export could not be read back; no file was written.");
        }
    }

    /** The reader's checks that the writer can make first: each score against its measure, and the dates. */
    private void check(FileReferral referral, FileHeader header) {
        for (ContactRecord contact : referral.contacts()) {
            for (Score score : contact.scores()) {
                if (!catalogue.defines(score.measure())) {
                    throw new ExportException("referral " + referral.pseudonym() + " contact " + contact.date() + ": "
                            + OutcomeFileJson.unknownMeasure(score.measure().code(), catalogue)
                            + "; no file was written.");
                }
                catalogue.definition(score.measure()).problem(score).ifPresent(problem -> {
                    throw new ExportException(OutcomeFileReader.scoreReason(referral.pseudonym(),
                            contact.date().toString(), score, problem) + "; no file was written.");
                });
            }
        }
        List<java.time.LocalDate> dates = referral.contacts().stream().map(ContactRecord::date).toList();
        PossibleDates.problem(referral.referralDate(), referral.endDate(), dates, header.generatedAt())
                .ifPresent(problem -> {
                    throw new ExportException("referral " + referral.pseudonym() + ": " + problem
                            + "; no file was written.");
                });
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
