package org.stepwise.exchange;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.outcome.ContactRecord;

/**
 * Writes an outcome file (format 1) from a header and referrals, streaming: one referral is in memory
 * at a time, and the integrity counts and the SHA-256 of the canonical referrals array are computed
 * as it goes. The file is written to a temporary file in the target folder, checked against the
 * schema, forced to disk and then moved into place in one step; on any failure no file is left.
 */
public final class OutcomeFileWriter {

    private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final byte[] OPEN = "[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] COMMA = ",".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CLOSE = "]".getBytes(StandardCharsets.UTF_8);

    private final ObjectMapper mapper = new ObjectMapper();
    private final MeasureCatalogue catalogue;
    private final OutcomeFileSchema schema = OutcomeFileSchema.standard();

    /** A writer that checks every score against this catalogue, as a reader will. */
    public OutcomeFileWriter(MeasureCatalogue catalogue) {
        this.catalogue = catalogue;
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
     * practitioner and day). Throws {@link ExportException} when a score is not acceptable for its
     * measure or the result does not conform to the schema (a reader would refuse the file), and
     * IOException when the disk fails; in every case nothing is left behind.
     */
    public Written write(Path folder, FileHeader header, Iterator<FileReferral> referrals) throws IOException {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(referrals, "referrals");
        Path target = folder.resolve(fileName(header));
        Path temp = Files.createTempFile(folder, ".stepwise-export-", ".part");
        try {
            Written written = writeTo(temp, target, header, referrals);
            Optional<String> violation = schema.firstViolation(temp);
            if (violation.isPresent()) {
                throw new ExportException("The export does not conform to format 1 (" + violation.get()
                        + "); no file was written.");
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return written;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Writes the whole document to {@code temp}; the result names {@code target}, where it will be moved. */
    private Written writeTo(Path temp, Path target, FileHeader header, Iterator<FileReferral> referrals) throws IOException {
        MessageDigest sha256 = sha256();
        int referralCount = 0;
        int contactCount = 0;
        int scoreCount = 0;
        try (FileOutputStream file = new FileOutputStream(temp.toFile());
             JsonGenerator json = new JsonFactory(mapper).createGenerator(file, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            for (Map.Entry<String, JsonNode> member : OutcomeFileJson.header(header).properties()) {
                json.writeFieldName(member.getKey());
                json.writeTree(member.getValue());
            }
            json.writeArrayFieldStart("referrals");
            try (OutputStream canonical = new DigestOutputStream(OutputStream.nullOutputStream(), sha256)) {
                canonical.write(OPEN);
                while (referrals.hasNext()) {
                    FileReferral referral = referrals.next();
                    checkScores(referral);
                    ObjectNode node = OutcomeFileJson.referral(referral);
                    if (referralCount > 0) {
                        canonical.write(COMMA);
                    }
                    CanonicalJson.write(node, canonical);
                    json.writeTree(node);
                    referralCount++;
                    contactCount += referral.contacts().size();
                    scoreCount += referral.scoreCount();
                }
                canonical.write(CLOSE);
            }
            json.writeEndArray();
            String digest = HexFormat.of().formatHex(sha256.digest());
            json.writeObjectFieldStart("integrity");
            json.writeNumberField("referralCount", referralCount);
            json.writeNumberField("contactCount", contactCount);
            json.writeNumberField("scoreCount", scoreCount);
            json.writeStringField("sha256", digest);
            json.writeEndObject();
            json.writeEndObject();
            json.writeRaw('\n');
            json.flush();
            file.getChannel().force(true);
            return new Written(target, referralCount, contactCount, scoreCount, digest);
        }
    }

    private void checkScores(FileReferral referral) {
        for (ContactRecord contact : referral.contacts()) {
            for (Score score : contact.scores()) {
                catalogue.definition(score.measure()).problem(score).ifPresent(problem -> {
                    throw new ExportException(OutcomeFileReader.scoreReason(referral.pseudonym(),
                            contact.date().toString(), score, problem) + "; no file was written.");
                });
            }
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
