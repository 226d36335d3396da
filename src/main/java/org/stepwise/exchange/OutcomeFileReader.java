package org.stepwise.exchange;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
 * Reads and verifies an outcome file (format 1) in one pass, a referral at a time, so that memory
 * stays bounded whatever the size of the file. The checks are ranked in this order, and the first
 * rank that fails anywhere in the file refuses the whole file with its own reason (within a rank,
 * the first place in the file): readable; UTF-8; JSON (a truncated file is named as such); format
 * and version; the schema (first violation and its path, as for the whole document); the integrity
 * counts and digest; every score against its measure; no scores at a contact not attended; contacts
 * in date order; calendar dates and consistent outcome scores; each referral once; the header's
 * dates. An accepted file's outcomes are recomputed by the outcome rules, and each difference from
 * the stated outcome becomes a warning. Each referral is checked against the schema alone, as it
 * is read; the header once. Each referral first goes through {@link ReferralSchemaCheck}, a fast check
 * that never accepts what the schema refuses; only a referral it does not accept is validated
 * against the schema, so the schema decides and words every refusal. Thread-safe.
 */
public final class OutcomeFileReader {

    /** Far above a year of one practitioner's referrals (about 6 kB each as written). */
    private static final long MAXIMUM_BYTES = 256L << 20;

    /**
     * Why a file is refused whose header comes after its referrals, when the receiver needs the
     * header first (only when every other check passes: it is the last rank).
     */
    static final String HEADER_AFTER_REFERRALS = "the header (format, formatVersion, generatedAt, generator, period, "
            + "service, practitioner, pseudonymisation) does not come before \"referrals\", as Stepwise writes it: "
            + "the file cannot be read one referral at a time";

    /** The ranks of the checks after JSON, in order; a lower rank's reason wins. */
    private static final int FORMAT = 1;
    private static final int SCHEMA = 2;
    private static final int SCORES = 3;
    private static final int ATTENDED = 4;
    private static final int DATE_ORDER = 5;
    private static final int BUILD = 6;
    private static final int NONE = Integer.MAX_VALUE;

    /** No trailing-token check here: a referral is read from the middle of the document. */
    private final ObjectMapper mapper = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private final MeasureCatalogue catalogue;
    private final OutcomeClassifier classifier;
    private final OutcomeFileSchema schema;

    public OutcomeFileReader(MeasureCatalogue catalogue) {
        this.catalogue = catalogue;
        this.classifier = new OutcomeClassifier(catalogue);
        this.schema = OutcomeFileSchema.standard();
    }

    /**
     * Takes a file's referrals as they are verified. Nothing it is given counts until the read ends
     * {@link StreamResult.Verified}: a refused file contributes nothing.
     */
    public interface Receiver {

        /**
         * Called when the referrals start, with the header if it came whole before them (null if
         * not). Returns false if it cannot take referrals without the header: the file is then
         * refused, unless another check refuses it first.
         */
        boolean begin(FileHeader header);

        /** One referral that passed every check so far, with its recomputed outcome, in file order. */
        void referral(FileReferral referral, ReferralOutcome outcome);
    }

    /** Reads, verifies and recomputes one file, keeping it whole; never throws for a bad file, only refuses it. */
    public ReadResult read(Path file) {
        List<FileReferral> referrals = new ArrayList<>();
        Map<String, ReferralOutcome> recomputed = new LinkedHashMap<>();
        StreamResult result = read(file, new Receiver() {
            @Override
            public boolean begin(FileHeader header) {
                return true;
            }

            @Override
            public void referral(FileReferral referral, ReferralOutcome outcome) {
                referrals.add(referral);
                recomputed.put(referral.pseudonym(), outcome);
            }
        });
        return switch (result) {
            case StreamResult.Refused(String reason) -> new ReadResult.Rejected(reason);
            case StreamResult.Verified verified -> new ReadResult.Accepted(
                    new OutcomeFile(verified.header(), referrals, recomputed, verified.warnings()));
        };
    }

    /**
     * Reads and verifies one file a referral at a time, giving each to {@code receiver} as it is
     * read; never throws for a bad file, only refuses it, with the reason {@link #read(Path)} gives.
     */
    public StreamResult read(Path file, Receiver receiver) {
        try {
            readable(file);
            return new Pass(receiver).run(file);
        } catch (Rejection rejection) {
            return new StreamResult.Refused(rejection.getMessage());
        }
    }

    private static void readable(Path file) {
        try {
            if (Files.size(file) > MAXIMUM_BYTES) {
                throw new Rejection("the file is larger than " + (MAXIMUM_BYTES >> 20) + " MiB: not an outcome file");
            }
        } catch (NoSuchFileException e) {
            throw new Rejection("the file does not exist");
        } catch (IOException e) {
            throw new Rejection("the file cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** One read of one file: what has been seen, and the best-ranked reason to refuse it so far. */
    private final class Pass {
        private final Receiver receiver;
        private final ObjectNode header = mapper.createObjectNode();
        private ArrayNode referralsHolder;
        private boolean referralsWanted;
        private boolean headerAfterReferrals;
        private int rank = NONE;
        private String reason;
        private JsonNode firstNonConforming;
        private int firstNonConformingIndex;
        private int referrals;
        private int contacts;
        private int scores;
        private final MessageDigest sha256 = OutcomeFileWriter.sha256();
        private final OutputStream digest = new DigestOutputStream(OutputStream.nullOutputStream(), sha256);
        private boolean loneSurrogate;
        private final Set<String> seen = new HashSet<>();
        private final List<String> warnings = new ArrayList<>();

        Pass(Receiver receiver) {
            this.receiver = receiver;
        }

        StreamResult run(Path file) {
            boolean object = parse(file);
            if (!object) {
                reject("not a Stepwise outcome file: the document is not a JSON object");
            }
            formatAndVersion(header);
            schemaViolation();
            JsonNode integrity = header.get("integrity");
            count("referrals", integrity.get("referralCount"), referrals);
            count("contacts", integrity.get("contactCount"), contacts);
            count("scores", integrity.get("scoreCount"), scores);
            if (loneSurrogate) {
                reject("integrity check failed: a text in the referrals holds a lone surrogate escape, which has no"
                        + " canonical form");
            }
            digestEnd();
            if (!HexFormat.of().formatHex(sha256.digest()).equals(integrity.get("sha256").textValue())) {
                reject("integrity check failed: the referrals were changed after export");
            }
            if (rank != NONE) {
                reject(reason);
            }
            FileHeader read = header(header);
            if (headerAfterReferrals) {
                reject(HEADER_AFTER_REFERRALS);
            }
            return new StreamResult.Verified(read, referrals, contacts, scores, warnings);
        }

        /**
         * Reads the whole document, streaming the referrals; returns whether it is a JSON object. A
         * file that is not UTF-8 or not JSON is refused here, with the same reason and position as
         * parsing the whole text would give, since the rest of the file is decoded before deciding.
         */
        private boolean parse(Path file) {
            StrictUtf8Reader text;
            try {
                text = new StrictUtf8Reader(Files.newInputStream(file));
            } catch (NoSuchFileException e) {
                throw new Rejection("the file does not exist");
            } catch (IOException e) {
                throw new Rejection("the file cannot be read (" + e.getClass().getSimpleName() + ")");
            }
            try (text; JsonParser parser = mapper.createParser(text)) {
                try {
                    return document(parser);
                } catch (JsonProcessingException e) {
                    text.drain();
                    if (text.blank()) {
                        throw new Rejection("not JSON: the file is empty");
                    }
                    throw json(e);
                }
            } catch (StrictUtf8Reader.NotUtf8 e) {
                throw new Rejection("not UTF-8 text");
            } catch (IOException e) {
                throw new Rejection("the file cannot be read (" + e.getClass().getSimpleName() + ")");
            }
        }

        private boolean document(JsonParser parser) throws IOException {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new Rejection("not JSON: the file is empty");
            }
            boolean object = first == JsonToken.START_OBJECT;
            if (!object) {
                parser.skipChildren();
            } else {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (name.equals("referrals") && value == JsonToken.START_ARRAY) {
                        referralsHolder = header.putArray(name);
                        begin();
                        referrals(parser);
                    } else if (name.equals("referrals") && value == JsonToken.START_OBJECT) {
                        // Not an array: the schema refuses it by its type alone, so its content is not kept.
                        parser.skipChildren();
                        header.putObject(name);
                    } else {
                        header.set(name, mapper.readTree(parser));
                    }
                }
            }
            if (parser.nextToken() != null) {
                throw MismatchedInputException.from(parser, JsonNode.class, "there is more after the end of the document");
            }
            return object;
        }

        /** The referrals start: the receiver gets the header if it is whole by now. */
        private void begin() {
            FileHeader whole = null;
            JsonNode format = header.get("format");
            JsonNode version = header.get("formatVersion");
            if (format != null && version != null) {
                try {
                    formatAndVersion(header);
                } catch (Rejection early) {
                    // Known already: no referral needs checking, though the rest of the file is still read as JSON.
                    note(FORMAT, early.getMessage());
                }
            }
            try {
                whole = OutcomeFileJson.header(header);
            } catch (RuntimeException incomplete) {
                whole = null;
            }
            referralsWanted = receiver.begin(whole);
            headerAfterReferrals = !referralsWanted;
        }

        private void referrals(JsonParser parser) throws IOException {
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (rank <= SCHEMA) {
                    parser.skipChildren();
                } else {
                    referral(index, mapper.readTree(parser));
                }
                index++;
            }
        }

        private void referral(int index, JsonNode node) {
            if (!ReferralSchemaCheck.accepts(node) && !schema.conformsAsReferral(node)) {
                firstNonConforming = node;
                firstNonConformingIndex = index;
                note(SCHEMA, null);
                return;
            }
            referrals++;
            for (JsonNode contact : node.get("contacts")) {
                contacts++;
                scores += contact.get("scores").size();
            }
            digest(index, node);
            String pseudonym = node.get("pseudonym").textValue();
            List<List<Score>> read = null;
            if (rank > SCORES) {
                read = scores(pseudonym, node);
            }
            if (rank > ATTENDED) {
                noScoresUnlessAttended(pseudonym, node);
            }
            if (rank > DATE_ORDER) {
                contactsInDateOrder(pseudonym, node);
            }
            if (rank > BUILD) {
                FileReferral built = build(pseudonym, node, read);
                if (built != null && rank == NONE && referralsWanted) {
                    receiver.referral(built, recompute(built));
                }
            }
        }

        /** The canonical text of the referrals array, {@code [r1,r2,...]}, goes straight into the digest. */
        private void digest(int index, JsonNode node) {
            if (loneSurrogate) {
                return;
            }
            try {
                digest.write(index == 0 ? '[' : ',');
                CanonicalJson.write(node, digest);
            } catch (IllegalArgumentException e) {
                loneSurrogate = true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Each contact's scores, read once for this check and the build; null when one is refused. */
        private List<List<Score>> scores(String pseudonym, JsonNode referral) {
            List<List<Score>> read = new ArrayList<>();
            for (JsonNode contact : referral.get("contacts")) {
                List<Score> scores = OutcomeFileJson.contactScores(contact);
                for (Score score : scores) {
                    Optional<String> problem = catalogue.definition(score.measure()).problem(score);
                    if (problem.isPresent()) {
                        note(SCORES, scoreReason(pseudonym, contact.get("date").textValue(), score, problem.get()));
                        return null;
                    }
                }
                read.add(scores);
            }
            return read;
        }

        private void noScoresUnlessAttended(String pseudonym, JsonNode referral) {
            for (JsonNode contact : referral.get("contacts")) {
                if (!"attended".equals(contact.get("attendance").textValue()) && !contact.get("scores").isEmpty()) {
                    note(ATTENDED, "referral " + pseudonym + " contact " + contact.get("date").textValue()
                            + ": a contact marked " + contact.get("attendance").textValue() + " carries scores");
                    return;
                }
            }
        }

        private void contactsInDateOrder(String pseudonym, JsonNode referral) {
            LocalDate previous = null;
            for (JsonNode contact : referral.get("contacts")) {
                Optional<LocalDate> date = calendarDate(pseudonym, contact.get("date").textValue(), DATE_ORDER);
                if (date.isEmpty()) {
                    return;
                }
                if (previous != null && date.get().isBefore(previous)) {
                    note(DATE_ORDER, "referral " + pseudonym + ": contacts are not in date order (" + date.get()
                            + " follows " + previous + ")");
                    return;
                }
                previous = date.get();
            }
        }

        /** The referral as a type, or null with the reason noted. */
        private FileReferral build(String pseudonym, JsonNode node, List<List<Score>> scores) {
            if (calendarDate(pseudonym, node.get("referralDate").textValue(), BUILD).isEmpty()) {
                return null;
            }
            if (!node.get("endDate").isNull() && calendarDate(pseudonym, node.get("endDate").textValue(), BUILD).isEmpty()) {
                return null;
            }
            if (!seen.add(pseudonym)) {
                note(BUILD, "referral " + pseudonym + " appears more than once in the file");
                return null;
            }
            try {
                return OutcomeFileJson.referral(node, scores);
            } catch (IllegalArgumentException e) {
                note(BUILD, "referral " + pseudonym + ": " + e.getMessage());
                return null;
            }
        }

        private Optional<LocalDate> calendarDate(String pseudonym, String text, int checkRank) {
            try {
                return Optional.of(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                note(checkRank, "referral " + pseudonym + ": " + text + " is not a calendar date");
                return Optional.empty();
            }
        }

        /** Keeps the reason of the best-ranked check failed so far, the first in the file within a rank. */
        private void note(int checkRank, String why) {
            if (checkRank < rank) {
                rank = checkRank;
                reason = why;
            }
        }

        /**
         * The schema's first violation, as validating the whole document names it: the header with,
         * in place of the referrals, the first referral that does not conform (the validator reports
         * a referral's violations by its index, which is put back), or none.
         */
        private void schemaViolation() {
            if (referralsHolder != null) {
                referralsHolder.removeAll();
                if (firstNonConforming != null) {
                    referralsHolder.add(firstNonConforming);
                }
            }
            schema.firstViolation(header).ifPresent(violation -> reject("does not match format 1: "
                    + (firstNonConforming == null ? violation : atIndex(violation, firstNonConformingIndex))));
        }

        /** Closes the referrals array in the digest: {@code ]}, or {@code []} for a file with none. */
        private void digestEnd() {
            try {
                digest.write(referrals == 0 ? "[]".getBytes(StandardCharsets.US_ASCII) : new byte[] {']'});
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The outcome recomputed by the outcome rules; a stated outcome that differs becomes a warning. */
        private ReferralOutcome recompute(FileReferral referral) {
            ReferralOutcome recomputed = classifier.classify(referral.toRecord());
            List<String> differences = referral.outcome().differencesFrom(FileOutcome.of(recomputed));
            if (!differences.isEmpty()) {
                warnings.add("referral " + referral.pseudonym() + ": the file's outcome differs from the outcome "
                        + "recomputed here, which is used (" + String.join("; ", differences) + ")");
            }
            return recomputed;
        }
    }

    /** "$.referrals[0]..." of a one-referral stand-in, as "$.referrals[index]...". */
    private static String atIndex(String violation, int index) {
        String stand = "$.referrals[0]";
        if (index == 0 || !violation.startsWith(stand)) {
            return violation;
        }
        return "$.referrals[" + index + "]" + violation.substring(stand.length());
    }

    /** The reasons say where the JSON breaks but never quote the file's content. */
    private static Rejection json(JsonProcessingException e) {
        if (e instanceof JsonEOFException) {
            return new Rejection("not JSON: the file is truncated (unexpected end of input" + at(e.getLocation()) + ")");
        }
        if (e instanceof JsonParseException) {
            String what = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                    ? "a key appears twice in one object" : "unexpected content";
            return new Rejection("not JSON: " + what + at(e.getLocation()));
        }
        return new Rejection("not JSON: unexpected content" + at(e.getLocation()));
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

    /** The stated count must be the number held; it is quoted as written (2^63 is not shown as a negative number). */
    private static void count(String what, JsonNode stated, int held) {
        if (!stated.canConvertToLong() || stated.asLong() != held) {
            reject("integrity check failed: the file says " + stated.asText() + " " + what + " but holds " + held);
        }
    }

    /** "referral r_… contact 2026-05-01 PHQ9: <problem>", the same words for the reader and the writer. */
    static String scoreReason(String pseudonym, String contactDate, Score score, String problem) {
        return "referral " + pseudonym + " contact " + contactDate + " " + score.measure() + ": " + problem;
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
