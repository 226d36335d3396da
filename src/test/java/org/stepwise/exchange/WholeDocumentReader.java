package org.stepwise.exchange;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.outcome.OutcomeClassifier;
import org.stepwise.domain.outcome.ReferralOutcome;

/**
 * The reader as it was before it streamed, kept as the reference the streaming
 * {@link OutcomeFileReader} is compared with ({@code StreamingReaderEquivalenceTest}): it reads the
 * whole file as one JSON tree and checks the whole document at each step. The checks run in this order and the first that
 * fails refuses the whole file with its own reason: readable; UTF-8; JSON (a truncated file is named
 * as such); format and version; the schema (first violation and its path); the integrity counts and
 * digest; every score against its measure; no scores at a contact not attended; contacts in date
 * order; calendar dates and consistent outcome scores; each referral once. An accepted file's outcomes
 * are recomputed by the outcome rules, and each difference from the stated outcome becomes a warning.
 * Thread-safe.
 */
final class WholeDocumentReader {

    /** Far above a year of one practitioner's referrals (about 2.5 kB each); read whole, so bounded. */
    private static final long MAXIMUM_BYTES = 256L << 20;

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final MeasureCatalogue catalogue;
    private final OutcomeClassifier classifier;
    private final OutcomeFileSchema schema;

    WholeDocumentReader(MeasureCatalogue catalogue) {
        this.catalogue = catalogue;
        this.classifier = new OutcomeClassifier(catalogue);
        this.schema = OutcomeFileSchema.standard();
    }

    /** Reads, verifies and recomputes one file; never throws for a bad file, only refuses it. */
    ReadResult read(Path file) {
        try {
            return verify(file);
        } catch (Rejection rejection) {
            return new ReadResult.Rejected(rejection.getMessage());
        }
    }

    private ReadResult verify(Path file) {
        String text = utf8(readable(file));
        JsonNode document = json(text);
        formatAndVersion(document);
        schema.firstViolation(document).ifPresent(violation -> reject("does not match format 1: " + violation));
        JsonNode referrals = document.get("referrals");
        integrity(referrals, document.get("integrity"));
        scores(referrals);
        noScoresUnlessAttended(referrals);
        contactsInDateOrder(referrals);
        List<FileReferral> parsed = build(referrals);
        FileHeader header = header(document);
        Map<String, ReferralOutcome> outcomes = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (FileReferral referral : parsed) {
            ReferralOutcome recomputed = classifier.classify(referral.toRecord());
            outcomes.put(referral.pseudonym(), recomputed);
            List<String> differences = referral.outcome().differencesFrom(FileOutcome.of(recomputed));
            if (!differences.isEmpty()) {
                warnings.add("referral " + referral.pseudonym() + ": the file's outcome differs from the outcome "
                        + "recomputed here, which is used (" + String.join("; ", differences) + ")");
            }
        }
        return new ReadResult.Accepted(new OutcomeFile(header, parsed, outcomes, warnings));
    }

    private static byte[] readable(Path file) {
        try {
            if (Files.size(file) > MAXIMUM_BYTES) {
                throw new Rejection("the file is larger than " + (MAXIMUM_BYTES >> 20) + " MiB: not an outcome file");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new Rejection("the file does not exist");
        } catch (IOException e) {
            throw new Rejection("the file cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Rejection("not UTF-8 text");
        }
    }

    /** Parses the text; the reasons say where the JSON breaks but never quote the file's content. */
    private JsonNode json(String text) {
        if (text.isBlank()) {
            throw new Rejection("not JSON: the file is empty");
        }
        try {
            return mapper.readTree(text);
        } catch (JsonEOFException e) {
            throw new Rejection("not JSON: the file is truncated (unexpected end of input" + at(e.getLocation()) + ")");
        } catch (JsonParseException e) {
            String what = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                    ? "a key appears twice in one object" : "unexpected content";
            throw new Rejection("not JSON: " + what + at(e.getLocation()));
        } catch (JsonProcessingException e) {
            throw new Rejection("not JSON: unexpected content" + at(e.getLocation()));
        }
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static void formatAndVersion(JsonNode document) {
        if (!document.isObject()) {
            reject("not a Stepwise outcome file: the document is not a JSON object");
        }
        JsonNode format = document.get("format");
        if (format == null || !OutcomeFileJson.FORMAT.equals(format.textValue())) {
            reject("not a Stepwise outcome file: \"format\" is not \"" + OutcomeFileJson.FORMAT + "\"");
        }
        JsonNode version = document.get("formatVersion");
        if (version == null || !version.canConvertToExactIntegral()) {
            reject("not a Stepwise outcome file: \"formatVersion\" is missing or not a whole number");
        }
        if (version.asLong() != OutcomeFileJson.FORMAT_VERSION) {
            reject("format version " + version.asText() + " is not supported; this Stepwise reads version "
                    + OutcomeFileJson.FORMAT_VERSION);
        }
    }

    private static void integrity(JsonNode referrals, JsonNode integrity) {
        int contacts = 0;
        int scores = 0;
        for (JsonNode referral : referrals) {
            for (JsonNode contact : referral.get("contacts")) {
                contacts++;
                scores += contact.get("scores").size();
            }
        }
        count("referrals", integrity.get("referralCount").asLong(), referrals.size());
        count("contacts", integrity.get("contactCount").asLong(), contacts);
        count("scores", integrity.get("scoreCount").asLong(), scores);
        // The canonical text goes straight into the digest, a buffer at a time: it is never held whole.
        MessageDigest sha256 = OutcomeFileWriter.sha256();
        try {
            CanonicalJson.write(referrals, new DigestOutputStream(OutputStream.nullOutputStream(), sha256));
        } catch (IllegalArgumentException e) {
            reject("integrity check failed: a text in the referrals holds a lone surrogate escape, which has no"
                    + " canonical form");
        }
        String digest = HexFormat.of().formatHex(sha256.digest());
        if (!digest.equals(integrity.get("sha256").textValue())) {
            reject("integrity check failed: the referrals were changed after export");
        }
    }

    private static void count(String what, long stated, int held) {
        if (stated != held) {
            reject("integrity check failed: the file says " + stated + " " + what + " but holds " + held);
        }
    }

    private void scores(JsonNode referrals) {
        forEachContact(referrals, (pseudonym, contact) -> {
            for (JsonNode node : contact.get("scores")) {
                Score score = OutcomeFileJson.score(node);
                Optional<String> problem = catalogue.definition(score.measure()).problem(score);
                if (problem.isPresent()) {
                    reject(scoreReason(pseudonym, contact.get("date").textValue(), score, problem.get()));
                }
            }
        });
    }

    /** "referral r_… contact 2026-05-01 PHQ9: <problem>", the same words for the reader and the writer. */
    static String scoreReason(String pseudonym, String contactDate, Score score, String problem) {
        return "referral " + pseudonym + " contact " + contactDate + " " + score.measure() + ": " + problem;
    }

    private static void noScoresUnlessAttended(JsonNode referrals) {
        forEachContact(referrals, (pseudonym, contact) -> {
            if (!"attended".equals(contact.get("attendance").textValue()) && !contact.get("scores").isEmpty()) {
                reject("referral " + pseudonym + " contact " + contact.get("date").textValue() + ": a contact marked "
                        + contact.get("attendance").textValue() + " carries scores");
            }
        });
    }

    private static void contactsInDateOrder(JsonNode referrals) {
        for (JsonNode referral : referrals) {
            String pseudonym = referral.get("pseudonym").textValue();
            LocalDate previous = null;
            for (JsonNode contact : referral.get("contacts")) {
                LocalDate date = calendarDate(pseudonym, contact.get("date").textValue());
                if (previous != null && date.isBefore(previous)) {
                    reject("referral " + pseudonym + ": contacts are not in date order (" + date + " follows "
                            + previous + ")");
                }
                previous = date;
            }
        }
    }

    private static List<FileReferral> build(JsonNode referrals) {
        List<FileReferral> parsed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode node : referrals) {
            String pseudonym = node.get("pseudonym").textValue();
            calendarDate(pseudonym, node.get("referralDate").textValue());
            if (!node.get("endDate").isNull()) {
                calendarDate(pseudonym, node.get("endDate").textValue());
            }
            if (!seen.add(pseudonym)) {
                reject("referral " + pseudonym + " appears more than once in the file");
            }
            try {
                parsed.add(OutcomeFileJson.referral(node));
            } catch (IllegalArgumentException e) {
                reject("referral " + pseudonym + ": " + e.getMessage());
            }
        }
        return parsed;
    }

    private static FileHeader header(JsonNode document) {
        calendarDate("period", document.get("period").get("start").textValue());
        calendarDate("period", document.get("period").get("end").textValue());
        try {
            return OutcomeFileJson.header(document);
        } catch (DateTimeParseException e) {
            throw new Rejection("\"generatedAt\" is not a valid time");
        } catch (IllegalArgumentException e) {
            throw new Rejection("header: " + e.getMessage());
        }
    }

    private static LocalDate calendarDate(String where, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new Rejection((where.startsWith("r_") ? "referral " : "") + where + ": " + text
                    + " is not a calendar date");
        }
    }

    private interface ContactCheck {
        void check(String referralPseudonym, JsonNode contact);
    }

    private static void forEachContact(JsonNode referrals, ContactCheck check) {
        for (JsonNode referral : referrals) {
            for (JsonNode contact : referral.get("contacts")) {
                check.check(referral.get("pseudonym").textValue(), contact);
            }
        }
    }

    private static void reject(String reason) {
        throw new Rejection(reason);
    }

    /** Stops verification with the reason a file is refused. */
    private static final class Rejection extends RuntimeException {
        Rejection(String reason) {
            super(reason, null, false, false);
        }
    }
}
