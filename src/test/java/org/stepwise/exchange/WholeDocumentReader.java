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
import java.time.Instant;
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
import com.fasterxml.jackson.databind.node.ObjectNode;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureDefinition;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.outcome.OutcomeClassifier;
import org.stepwise.domain.outcome.ReferralOutcome;

/**
 * The reader as it was before it streamed, kept (and taught format 2) as the reference the streaming
 * {@link OutcomeFileReader} is compared with ({@code StreamingReaderEquivalenceTest}): it reads the
 * whole file as one JSON tree and checks the whole document at each step. The checks run in this order
 * and the first that fails refuses the whole file with its own reason: readable; UTF-8; JSON (a
 * truncated file is named as such); format and version; format 2: the header before the referrals;
 * the schema of the format (first violation and its path); the integrity counts; the digest (format 1:
 * of the referrals array; format 2: of the whole tree without integrity.sha256 and integrity.mac,
 * canonicalised at once, not streamed); with the key, format 2's MAC; every measure known to the table;
 * every score against its measure; no scores at a contact not attended; contacts in date order;
 * calendar dates, possible dates and consistent outcome scores; each referral once. An accepted file's
 * outcomes are recomputed by the outcome rules, and each difference from the stated outcome becomes a
 * warning. Thread-safe.
 */
final class WholeDocumentReader {

    /** Far above a year of one practitioner's referrals (about 2.5 kB each); read whole, so bounded. */
    private static final long MAXIMUM_BYTES = 256L << 20;

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final MeasureCatalogue catalogue;
    private final OutcomeClassifier classifier;
    private final ServiceKey key;

    WholeDocumentReader(MeasureCatalogue catalogue) {
        this(catalogue, null);
    }

    WholeDocumentReader(MeasureCatalogue catalogue, ServiceKey key) {
        this.catalogue = catalogue;
        this.classifier = new OutcomeClassifier(catalogue);
        this.key = key;
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
        int version = formatAndVersion(document);
        if (version == 2) {
            List<String> names = new ArrayList<>();
            document.fieldNames().forEachRemaining(names::add);
            int referralsAt = names.indexOf("referrals");
            for (int i = referralsAt + 1; referralsAt >= 0 && i < names.size(); i++) {
                if (OutcomeFileJson.HEADER_MEMBERS.contains(names.get(i))) {
                    reject(OutcomeFileReader.headerAfterReferrals(names.get(i)));
                }
            }
        }
        OutcomeFileSchema.format(version).firstViolation(document)
                .ifPresent(violation -> reject("does not match format " + version + ": " + violation));
        JsonNode referrals = document.get("referrals");
        Authenticity authenticity = integrity(document, version);
        measuresKnown(referrals);
        scores(referrals, version);
        noScoresUnlessAttended(referrals);
        contactsInDateOrder(referrals);
        List<FileReferral> parsed = build(referrals, version, generatedAt(document));
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
        return new ReadResult.Accepted(new OutcomeFile(header, parsed, outcomes, warnings, authenticity));
    }

    private static Instant generatedAt(JsonNode document) {
        try {
            return Instant.parse(document.get("generatedAt").textValue());
        } catch (DateTimeParseException e) {
            return null;
        }
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

    private static int formatAndVersion(JsonNode document) {
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
        if (version.asLong() != 1 && version.asLong() != 2) {
            reject("format version " + version.asText() + " is not supported; this Stepwise reads versions 1 and 2");
        }
        return version.intValue();
    }

    private Authenticity integrity(JsonNode document, int version) {
        JsonNode referrals = document.get("referrals");
        JsonNode integrity = document.get("integrity");
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
        if (version == 1) {
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
            return Authenticity.NOT_CHECKED_FORMAT_1;
        }
        ObjectNode sealed = document.deepCopy();
        ((ObjectNode) sealed.get("integrity")).remove(List.of("sha256", "mac"));
        byte[] canonical = null;
        try {
            canonical = CanonicalJson.bytes(sealed);
        } catch (IllegalArgumentException e) {
            reject("integrity check failed: a value in the file has no canonical form (a lone surrogate escape "
                    + "or a number beyond the range of a double)");
        }
        if (!HexFormat.of().formatHex(OutcomeFileWriter.sha256().digest(canonical))
                .equals(integrity.get("sha256").textValue())) {
            reject("integrity check failed: the file was altered after export (its digest does not match its "
                    + "header and referrals)");
        }
        if (key == null) {
            return Authenticity.NOT_CHECKED_NO_KEY;
        }
        JsonNode mac = integrity.get("mac");
        if (mac == null) {
            reject("not written with this service's key: the file has no integrity.mac");
        }
        String expected;
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key.bytes(), "HmacSHA256"));
            expected = HexFormat.of().formatHex(hmac.doFinal(canonical));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        if (!expected.equals(mac.textValue())) {
            String named = document.get("pseudonymisation").get("keyFingerprint").textValue();
            reject("not written with this service's key: its integrity.mac does not match "
                    + (named.equals(key.fingerprint())
                            ? "(it was changed and sealed again without the key, or written with another key)"
                            : "(the file names key " + named + "; this service's key is " + key.fingerprint() + ")"));
        }
        return Authenticity.CHECKED;
    }

    private void measuresKnown(JsonNode referrals) {
        for (JsonNode referral : referrals) {
            String pseudonym = referral.get("pseudonym").textValue();
            for (JsonNode contact : referral.get("contacts")) {
                for (JsonNode score : contact.get("scores")) {
                    String measure = score.get("measure").textValue();
                    if (catalogue.code(measure).isEmpty()) {
                        reject("referral " + pseudonym + " contact " + contact.get("date").textValue() + ": the measure "
                                + measure + " is not in this Stepwise's measure table (edition " + catalogue.edition()
                                + ")");
                    }
                }
            }
            JsonNode outcome = referral.get("outcome");
            List<String> named = new ArrayList<>();
            named.add(outcome.get("anxietyMeasure").textValue());
            outcome.get("firstScores").fieldNames().forEachRemaining(named::add);
            outcome.get("lastScores").fieldNames().forEachRemaining(named::add);
            for (String measure : named) {
                if (catalogue.code(measure).isEmpty()) {
                    reject("referral " + pseudonym + " outcome: the measure " + measure + " is not in this Stepwise's "
                            + "measure table (edition " + catalogue.edition() + ")");
                }
            }
        }
    }

    private static void count(String what, long stated, int held) {
        if (stated != held) {
            reject("integrity check failed: the file says " + stated + " " + what + " but holds " + held);
        }
    }

    private void scores(JsonNode referrals, int version) {
        forEachContact(referrals, (pseudonym, contact) -> {
            for (JsonNode node : contact.get("scores")) {
                Score score = OutcomeFileJson.score(node, catalogue);
                MeasureDefinition definition = catalogue.definition(score.measure());
                // Format 1 carries totals to at most 2 decimals (MI's mean), format 2 to the table's.
                int carried = version == 1 ? Math.min(definition.decimals(), 2) : definition.decimals();
                Optional<String> problem = definition.problem(score, carried);
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

    private List<FileReferral> build(JsonNode referrals, int version, Instant generatedAt) {
        List<FileReferral> parsed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        // The latest date anywhere on Earth at generatedAt (UTC+14), as PossibleDates reads the rule.
        LocalDate latest = generatedAt == null ? LocalDate.MAX
                : generatedAt.atOffset(java.time.ZoneOffset.ofHours(14)).toLocalDate();
        LocalDate earliest = LocalDate.of(1900, 1, 1);
        for (JsonNode node : referrals) {
            String pseudonym = node.get("pseudonym").textValue();
            LocalDate referred = calendarDate(pseudonym, node.get("referralDate").textValue());
            LocalDate ended = null;
            if (!node.get("endDate").isNull()) {
                ended = calendarDate(pseudonym, node.get("endDate").textValue());
            }
            impossible(pseudonym, "the referral date " + referred, referred, earliest, latest, generatedAt);
            if (ended != null) {
                impossible(pseudonym, "the end date " + ended, ended, earliest, latest, generatedAt);
                if (ended.isBefore(referred)) {
                    reject("referral " + pseudonym + ": the end date " + ended + " is before the referral date "
                            + referred);
                }
            }
            for (JsonNode contact : node.get("contacts")) {
                LocalDate date = LocalDate.parse(contact.get("date").textValue());
                impossible(pseudonym, "a contact on " + date, date, earliest, latest, generatedAt);
                if (date.isBefore(referred)) {
                    reject("referral " + pseudonym + ": a contact on " + date + " is before the referral date "
                            + referred);
                }
            }
            if (!seen.add(pseudonym)) {
                reject("referral " + pseudonym + " appears more than once in the file");
            }
            try {
                parsed.add(OutcomeFileJson.referral(node, null, version, catalogue));
            } catch (IllegalArgumentException e) {
                reject("referral " + pseudonym + ": " + e.getMessage());
            }
        }
        return parsed;
    }

    private static void impossible(String pseudonym, String what, LocalDate date, LocalDate earliest, LocalDate latest,
            Instant generatedAt) {
        if (date.isBefore(earliest)) {
            reject("referral " + pseudonym + ": " + what + " is before " + earliest);
        }
        if (date.isAfter(latest)) {
            reject("referral " + pseudonym + ": " + what + " is after the file was generated (" + generatedAt + ")");
        }
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
