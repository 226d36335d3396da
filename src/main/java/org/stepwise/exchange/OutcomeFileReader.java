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
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureDefinition;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.outcome.OutcomeClassifier;
import org.stepwise.domain.outcome.ReferralOutcome;

/**
 * Reads and verifies an outcome file of format 1 or 2 a referral at a time, so that memory stays
 * bounded whatever the size of the file. The checks are ranked in this order, and the first rank that
 * fails anywhere in the file refuses the whole file with its own reason (within a rank, the first
 * place in the file): readable; UTF-8; JSON (a truncated file is named as such); format and version;
 * format 2: the header before the referrals; the schema of the file's format (first violation and its
 * path, as for the whole document); the integrity counts; the digest (format 1: of the referrals;
 * format 2: of the whole document but {@code integrity.sha256} and {@code integrity.mac}); format 2 with
 * the service key: the MAC; every measure known to the reader's measure table; every score against
 * its measure (format 1 carries MI to 2 decimals, format 2 to the table's); no scores at a contact not
 * attended; contacts in date order; calendar dates, dates that can be true ({@link PossibleDates}),
 * consistent outcome scores, each referral once; the header's dates. An accepted file's outcomes are
 * recomputed by the outcome rules, and each difference from the stated outcome becomes a warning.
 *
 * <p>The file is read twice. A first, light pass tokenises it and keeps every top-level member but
 * {@code referrals} (the header and the integrity block), skipping the referrals: format 2's digest
 * covers {@code integrity}, which sorts before {@code referrals} in the canonical form but is written
 * after them, and the receiver gets the whole header before the first referral whatever the order of
 * the members. The second pass checks each referral as it is read, against the schema alone; the
 * header once. A file whose members differ between the passes is refused as changed while it was read.
 * Each referral first goes through {@link ReferralSchemaCheck}, a fast check that never accepts what
 * the schema refuses; only a referral it does not accept is validated against the schema, so the schema
 * decides and words every refusal. Thread-safe.
 *
 * <p>Long because: the ranked checks are one contract read in one order, and the two passes share the
 * bookkeeping that decides which rank and place a refused file is named by; split across classes, that
 * order would no longer be readable in one place. The schema's fast path (ReferralSchemaCheck) and the
 * possible dates (PossibleDates) are already apart.
 */
public final class OutcomeFileReader {

    /** Far above a year of one practitioner's referrals (about 6 kB each as written). */
    private static final long MAXIMUM_BYTES = 256L << 20;

    /** Why a file is refused whose members changed between the two passes. */
    static final String CHANGED_WHILE_READ = "the file changed while it was being read; read it again once nothing "
            + "is writing it";

    /** How a file that fails its MAC, or has none, is refused (export-format.md, Format 2). */
    static final String NOT_THIS_SERVICE = "not written with this service's key";

    /** The ranks of the checks after JSON, in order; a lower rank's reason wins. */
    private static final int FORMAT = 1;
    private static final int SCHEMA = 2;
    private static final int MEASURES = 3;
    private static final int SCORES = 4;
    private static final int ATTENDED = 5;
    private static final int DATE_ORDER = 6;
    private static final int BUILD = 7;
    private static final int NONE = Integer.MAX_VALUE;

    /** No trailing-token check here: a referral is read from the middle of the document. */
    private final ObjectMapper mapper = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private final MeasureCatalogue catalogue;
    private final OutcomeClassifier classifier;
    private final ServiceKey key;

    /** A reader without the service key: it checks digests, not MACs (each file's authenticity is not checked). */
    public OutcomeFileReader(MeasureCatalogue catalogue) {
        this(catalogue, null);
    }

    /**
     * A reader that judges scores by {@code catalogue}; with the service's {@code key} (null: none) it
     * refuses a format-2 file whose MAC fails or is missing.
     */
    public OutcomeFileReader(MeasureCatalogue catalogue, ServiceKey key) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.classifier = new OutcomeClassifier(catalogue);
        this.key = key;
    }

    /**
     * Takes a file's referrals as they are verified. Nothing it is given counts until the read ends
     * {@link StreamResult.Verified}: a refused file contributes nothing.
     */
    public interface Receiver {

        /**
         * Called when the referrals start, with the file's header (null when it is not a valid
         * header: the file is then refused). Returns false if it cannot take referrals without the
         * header: it is then given none.
         */
        boolean begin(FileHeader header);

        /** One referral that passed every check so far, with its recomputed outcome, in file order. */
        void referral(FileReferral referral, ReferralOutcome outcome);
    }

    /** Why a handover file given to the review is refused. */
    public static final String NOT_AN_OUTCOME_FILE_BUT_HANDOVER = "a handover file, not an outcome file: "
            + "accept it with stepwise handover accept (or Accept handover on the caseload screen)";

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
                    new OutcomeFile(verified.header(), referrals, recomputed, verified.warnings(),
                            verified.authenticity()));
        };
    }

    /**
     * Reads and verifies one file a referral at a time, giving each to {@code receiver} as it is
     * read; never throws for a bad file, only refuses it, with the reason {@link #read(Path)} gives.
     */
    public StreamResult read(Path file, Receiver receiver) {
        try {
            readable(file);
            return new Pass(receiver, skeleton(file)).run(file);
        } catch (Rejection rejection) {
            return new StreamResult.Refused(rejection.getMessage());
        }
    }

    private static void readable(Path file) {
        try {
            if (HandoverFile.looksLikeHandover(file)) {
                throw new Rejection(NOT_AN_OUTCOME_FILE_BUT_HANDOVER);
            }
            if (Files.size(file) > MAXIMUM_BYTES) {
                throw new Rejection("the file is larger than " + (MAXIMUM_BYTES >> 20) + " MiB: not an outcome file");
            }
        } catch (NoSuchFileException e) {
            throw new Rejection("the file does not exist");
        } catch (IOException e) {
            throw new Rejection("the file cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Every top-level member but the content of {@code referrals}, in file order, with {@code referrals}
     * (an empty array) where it came: the first, light pass. Null when the file is not a JSON object this pass
     * can read to its end; the second pass then finds and names what is wrong.
     */
    private ObjectNode skeleton(Path file) {
        // Decoded as the second pass decodes it, so that both passes see the same text.
        try (StrictUtf8Reader text = new StrictUtf8Reader(Files.newInputStream(file));
             JsonParser parser = mapper.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            ObjectNode members = mapper.createObjectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                // As the second pass keeps them: referrals given as an array or object are not kept.
                if (name.equals(Seal.REFERRALS) && value == JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    members.putArray(name);
                } else if (name.equals(Seal.REFERRALS) && value == JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    members.putObject(name);
                } else {
                    members.set(name, mapper.readTree(parser));
                }
            }
            return parser.nextToken() == null ? members : null;
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    /** One read of one file: what has been seen, and the best-ranked reason to refuse it so far. */
    private final class Pass {
        private final Receiver receiver;
        private final ObjectNode skeleton;
        private final ObjectNode header = mapper.createObjectNode();
        private ArrayNode referralsHolder;
        private boolean referralsWanted;
        private int version;
        private OutcomeFileSchema schema;
        private Seal seal;
        private Instant generatedAt;
        private int rank = NONE;
        private String reason;
        private JsonNode firstNonConforming;
        private int firstNonConformingIndex;
        private int referrals;
        private int contacts;
        private int scores;
        private final MessageDigest sha256 = OutcomeFileWriter.sha256();
        private final OutputStream digest = new DigestOutputStream(OutputStream.nullOutputStream(), sha256);
        private boolean noCanonicalForm;
        private final Set<String> seen = new HashSet<>();
        private final List<String> warnings = new ArrayList<>();

        Pass(Receiver receiver, ObjectNode skeleton) {
            this.receiver = receiver;
            this.skeleton = skeleton;
        }

        StreamResult run(Path file) {
            boolean object = parse(file);
            if (!object) {
                reject("not a Stepwise outcome file: the document is not a JSON object");
            }
            if (skeleton == null || !skeleton.equals(header)) {
                reject(CHANGED_WHILE_READ);
            }
            version = formatAndVersion(header);
            schema = OutcomeFileSchema.format(version);
            if (version == 2) {
                headerBeforeReferrals(header);
            }
            schemaViolation();
            JsonNode integrity = header.get("integrity");
            count("referrals", integrity.get("referralCount"), referrals);
            count("contacts", integrity.get("contactCount"), contacts);
            count("scores", integrity.get("scoreCount"), scores);
            Authenticity authenticity = version == 1 ? sealedReferrals(integrity) : sealedDocument(integrity);
            if (rank != NONE) {
                reject(reason);
            }
            FileHeader read = header(header);
            return new StreamResult.Verified(read, referrals, contacts, scores, warnings, authenticity);
        }

        /** Format 1: the digest of the referrals array. */
        private Authenticity sealedReferrals(JsonNode integrity) {
            if (noCanonicalForm) {
                reject("integrity check failed: a text in the referrals holds a lone surrogate escape, which has no"
                        + " canonical form");
            }
            digestEnd();
            if (!HexFormat.of().formatHex(sha256.digest()).equals(integrity.get("sha256").textValue())) {
                reject("integrity check failed: the referrals were changed after export");
            }
            return Authenticity.NOT_CHECKED_FORMAT_1;
        }

        /** Format 2: the digest of the whole document, then, with the service key, its MAC. */
        private Authenticity sealedDocument(JsonNode integrity) {
            if (noCanonicalForm || seal == null) {
                reject("integrity check failed: a value in the file has no canonical form (a lone surrogate escape "
                        + "or a number beyond the range of a double)");
            }
            seal.end();
            if (!Seal.sameHex(seal.sha256(), integrity.get("sha256").textValue())) {
                reject("integrity check failed: the file was altered after export (its digest does not match its "
                        + "header and referrals)");
            }
            if (key == null) {
                return Authenticity.NOT_CHECKED_NO_KEY;
            }
            JsonNode mac = integrity.get("mac");
            if (mac == null) {
                reject(NOT_THIS_SERVICE + ": the file has no integrity.mac");
            }
            if (!Seal.sameHex(seal.mac().orElseThrow(), mac.textValue())) {
                String named = header.get("pseudonymisation").get("keyFingerprint").textValue();
                reject(NOT_THIS_SERVICE + ": its integrity.mac does not match " + (named.equals(key.fingerprint())
                        ? "(it was changed and sealed again without the key, or written with another key)"
                        : "(the file names key " + named + "; this service's key is " + key.fingerprint() + ")"));
            }
            return Authenticity.CHECKED;
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

        /**
         * The referrals start: the format, schema and seal come from the first pass's members, and the
         * receiver gets the header (null if it is not a valid one).
         */
        private void begin() {
            if (skeleton == null) {
                // The first pass could not read the file: this one will refuse it, so nothing is checked.
                note(FORMAT, CHANGED_WHILE_READ);
                return;
            }
            try {
                version = formatAndVersion(skeleton);
            } catch (Rejection early) {
                // Known already: no referral needs checking, though the rest of the file is still read as JSON.
                note(FORMAT, early.getMessage());
                return;
            }
            schema = OutcomeFileSchema.format(version);
            if (version == 2) {
                try {
                    seal = new Seal(skeleton, key);
                } catch (IllegalArgumentException noForm) {
                    noCanonicalForm = true;
                }
            }
            FileHeader whole;
            try {
                whole = OutcomeFileJson.header(skeleton);
                generatedAt = whole.generatedAt();
            } catch (RuntimeException incomplete) {
                whole = null;
                generatedAt = lenientInstant(skeleton.get("generatedAt"));
            }
            referralsWanted = receiver.begin(whole);
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
            if (!ReferralSchemaCheck.accepts(node, version) && !schema.conformsAsReferral(node)) {
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
            if (rank > MEASURES) {
                measuresKnown(pseudonym, node);
            }
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

        /**
         * Format 1: the canonical text of the referrals array, {@code [r1,r2,...]}, goes straight into
         * the digest; format 2: the referral goes into the seal of the whole document.
         */
        private void digest(int index, JsonNode node) {
            if (noCanonicalForm) {
                return;
            }
            try {
                if (version == 2) {
                    seal.referral(node);
                } else {
                    digest.write(index == 0 ? '[' : ',');
                    CanonicalJson.write(node, digest);
                }
            } catch (IllegalArgumentException e) {
                noCanonicalForm = true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Every measure the referral names is in the reader's measure table; else the first is named. */
        private void measuresKnown(String pseudonym, JsonNode referral) {
            for (JsonNode contact : referral.get("contacts")) {
                for (JsonNode score : contact.get("scores")) {
                    String measure = score.get("measure").textValue();
                    if (catalogue.code(measure).isEmpty()) {
                        note(MEASURES, "referral " + pseudonym + " contact " + contact.get("date").textValue() + ": "
                                + OutcomeFileJson.unknownMeasure(measure, catalogue));
                        return;
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
                    note(MEASURES, "referral " + pseudonym + " outcome: " + OutcomeFileJson.unknownMeasure(measure,
                            catalogue));
                    return;
                }
            }
        }

        /** Each contact's scores, read once for this check and the build; null when one is refused. */
        private List<List<Score>> scores(String pseudonym, JsonNode referral) {
            List<List<Score>> read = new ArrayList<>();
            for (JsonNode contact : referral.get("contacts")) {
                List<Score> scores = OutcomeFileJson.contactScores(contact, catalogue);
                for (Score score : scores) {
                    MeasureDefinition definition = catalogue.definition(score.measure());
                    Optional<String> problem = definition.problem(score, carriedDecimals(definition, version));
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
            Optional<String> impossible = impossibleDates(node, generatedAt);
            if (impossible.isPresent()) {
                note(BUILD, "referral " + pseudonym + ": " + impossible.get());
                return null;
            }
            if (!seen.add(pseudonym)) {
                note(BUILD, "referral " + pseudonym + " appears more than once in the file");
                return null;
            }
            try {
                return OutcomeFileJson.referral(node, scores, version, catalogue);
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
            schema.firstViolation(header).ifPresent(violation -> reject("does not match format " + version + ": "
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

    /** The file's format version (1 or 2), or a refusal saying why it is not an outcome file this reads. */
    static int formatAndVersion(JsonNode document) {
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

    /**
     * Format 2: every header member present comes before {@code referrals} (export-format.md, Format 2);
     * the first that does not is named.
     */
    static void headerBeforeReferrals(JsonNode document) {
        boolean referralsSeen = false;
        for (Iterator<String> names = document.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (name.equals(Seal.REFERRALS)) {
                referralsSeen = true;
            } else if (referralsSeen && OutcomeFileJson.HEADER_MEMBERS.contains(name)) {
                reject(headerAfterReferrals(name));
            }
        }
    }

    /** Why a format-2 file is refused whose header member {@code name} comes after its referrals. */
    static String headerAfterReferrals(String name) {
        return "the header member \"" + name + "\" comes after \"referrals\": format 2 puts the whole header ("
                + String.join(", ", OutcomeFileJson.HEADER_MEMBERS) + ") before the referrals";
    }

    /**
     * Decimals a file of this format carries a measure's total with: format 1 at most 2 (MI's mean to
     * 2, every other total whole), format 2 the table's own.
     */
    static int carriedDecimals(MeasureDefinition definition, int version) {
        return version == 1 ? definition.displayDecimals() : definition.decimals();
    }

    /** The dates of a schema-valid referral with valid calendar dates that cannot be true; see {@link PossibleDates}. */
    static Optional<String> impossibleDates(JsonNode referral, Instant generatedAt) {
        List<LocalDate> contacts = new ArrayList<>();
        referral.get("contacts").forEach(contact -> contacts.add(LocalDate.parse(contact.get("date").textValue())));
        JsonNode end = referral.get("endDate");
        return PossibleDates.problem(LocalDate.parse(referral.get("referralDate").textValue()),
                end.isNull() ? null : LocalDate.parse(end.textValue()), contacts, generatedAt);
    }

    /** {@code generatedAt} as an instant, or null when it is not one (the header check refuses that later). */
    static Instant lenientInstant(JsonNode generatedAt) {
        try {
            return generatedAt == null || !generatedAt.isTextual() ? null : Instant.parse(generatedAt.textValue());
        } catch (DateTimeParseException e) {
            return null;
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
