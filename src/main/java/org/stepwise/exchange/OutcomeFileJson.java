package org.stepwise.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stepwise.domain.audit.AuditHead;
import org.stepwise.domain.common.Coded;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.referral.Employment;
import org.stepwise.domain.referral.EmploymentStatus;
import org.stepwise.domain.referral.EndReason;
import org.stepwise.domain.referral.ReferralSource;

/**
 * The JSON shapes of outcome files, both ways: the one place that knows the field names. Stepwise
 * writes format 2; it reads format 1 (no employment, no therapy, no audit head, no MAC) and format 2.
 * Text from a file names measures by code: the reader's measure table turns each into a
 * {@link MeasureCode}, and a code it lacks is refused with its name, never guessed.
 */
final class OutcomeFileJson {

    static final String FORMAT = "stepwise-outcomes";
    static final String METHOD = "HMAC-SHA256";

    /** The members a format-2 file must have before {@code referrals} (its header; auditHead when present). */
    static final List<String> HEADER_MEMBERS = List.of("format", "formatVersion", "generatedAt", "generator",
            "period", "service", "practitioner", "pseudonymisation", "auditHead");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OutcomeFileJson() {
    }

    // ---- header ----

    /** The header members in file order, without referrals and without the integrity block. */
    static ObjectNode header(FileHeader header) {
        ObjectNode node = NODES.objectNode();
        node.put("format", FORMAT);
        node.put("formatVersion", header.formatVersion());
        node.put("generatedAt", header.generatedAt().toString());
        node.put("generator", header.generator());
        ObjectNode period = node.putObject("period");
        period.put("start", header.periodStart().toString());
        period.put("end", header.periodEnd().toString());
        node.putObject("service").put("code", header.serviceCode());
        ObjectNode practitioner = node.putObject("practitioner");
        practitioner.put("pseudonym", header.practitionerPseudonym());
        practitioner.put("role", header.practitionerRole());
        ObjectNode pseudonymisation = node.putObject("pseudonymisation");
        pseudonymisation.put("method", METHOD);
        pseudonymisation.put("keyFingerprint", header.keyFingerprint());
        if (header.auditHead() != null) {
            ObjectNode audit = node.putObject("auditHead");
            audit.put("events", header.auditHead().events());
            audit.put("sha256", header.auditHead().sha256());
        }
        return node;
    }

    /** The header of a document that conforms to its format's schema; throws on an impossible date or time. */
    static FileHeader header(JsonNode document) {
        JsonNode audit = document.get("auditHead");
        return new FileHeader(
                document.get("formatVersion").intValue(),
                Instant.parse(document.get("generatedAt").textValue()),
                document.get("generator").textValue(),
                date(document.get("period").get("start")),
                date(document.get("period").get("end")),
                document.get("service").get("code").textValue(),
                document.get("practitioner").get("pseudonym").textValue(),
                document.get("practitioner").get("role").textValue(),
                document.get("pseudonymisation").get("keyFingerprint").textValue(),
                audit == null ? null : new AuditHead(audit.get("events").longValue(), audit.get("sha256").textValue()));
    }

    // ---- referral ----

    /** A referral as format 2 writes it. */
    static ObjectNode referral(FileReferral referral) {
        ObjectNode node = NODES.objectNode();
        node.put("pseudonym", referral.pseudonym());
        node.put("patientPseudonym", referral.patientPseudonym());
        node.put("ageBand", referral.ageBand().code());
        node.put("gender", referral.gender().code());
        node.put("ethnicity", referral.ethnicity().code());
        node.put("referralDate", referral.referralDate().toString());
        node.put("source", referral.source().code());
        node.put("problemDescriptor", referral.problemDescriptor());
        node.put("endDate", referral.endDate() == null ? null : referral.endDate().toString());
        node.put("endReason", referral.endReason() == null ? null : referral.endReason().code());
        Employment employment = referral.employment() == null ? Employment.NOT_RECORDED : referral.employment();
        node.put("employmentAtStart", code(employment.atStart()));
        node.put("employmentAtEnd", code(employment.atEnd()));
        node.put("employmentSupport", employment.support());
        ArrayNode contacts = node.putArray("contacts");
        for (ContactRecord contact : referral.contacts()) {
            contacts.add(contact(contact));
        }
        node.set("outcome", outcome(referral.outcome()));
        return node;
    }

    /**
     * A referral from a document of format {@code version} that already conforms to its schema, its
     * measures known to {@code catalogue}, with each contact's scores already read ({@code scores.get(i)}
     * for contact i), or read here when {@code scores} is null. Throws IllegalArgumentException on an
     * impossible date, an unknown measure or an inconsistent referral.
     */
    static FileReferral referral(JsonNode node, List<List<Score>> scores, int version, MeasureCatalogue catalogue) {
        List<ContactRecord> contacts = new ArrayList<>();
        int index = 0;
        for (JsonNode contact : node.get("contacts")) {
            contacts.add(contact(contact, scores == null ? contactScores(contact, catalogue) : scores.get(index)));
            index++;
        }
        JsonNode endReason = node.get("endReason");
        Employment employment = version < 2 ? null : new Employment(
                employment(node.get("employmentAtStart")), employment(node.get("employmentAtEnd")),
                node.get("employmentSupport").booleanValue());
        return new FileReferral(
                node.get("pseudonym").textValue(),
                node.get("patientPseudonym").textValue(),
                Coded.of(AgeBand.class, node.get("ageBand").textValue()),
                Coded.of(Gender.class, node.get("gender").textValue()),
                Coded.of(Ethnicity.class, node.get("ethnicity").textValue()),
                date(node.get("referralDate")),
                Coded.of(ReferralSource.class, node.get("source").textValue()),
                node.get("problemDescriptor").textValue(),
                node.get("endDate").isNull() ? null : date(node.get("endDate")),
                endReason.isNull() ? null : Coded.of(EndReason.class, endReason.textValue()),
                employment,
                contacts,
                outcome(node.get("outcome"), catalogue));
    }

    /** A contact as format 2 writes it. */
    static ObjectNode contact(ContactRecord contact) {
        ObjectNode node = NODES.objectNode();
        node.put("date", contact.date().toString());
        node.put("type", contact.type().code());
        node.put("attendance", contact.attendance().code());
        node.put("medium", contact.medium().code());
        node.put("step", contact.step());
        node.put("minutes", contact.minutes());
        node.put("therapyType", contact.therapyType());
        ArrayNode scores = node.putArray("scores");
        for (Score score : contact.scores()) {
            scores.add(score(score));
        }
        return node;
    }

    /** A contact's scores, in file order; throws IllegalArgumentException for a measure the table lacks. */
    static List<Score> contactScores(JsonNode contact, MeasureCatalogue catalogue) {
        List<Score> scores = new ArrayList<>();
        for (JsonNode score : contact.get("scores")) {
            scores.add(score(score, catalogue));
        }
        return scores;
    }

    private static ContactRecord contact(JsonNode node, List<Score> scores) {
        JsonNode minutes = node.get("minutes");
        JsonNode therapy = node.get("therapyType");
        return new ContactRecord(
                date(node.get("date")),
                Coded.of(ContactType.class, node.get("type").textValue()),
                Coded.of(Attendance.class, node.get("attendance").textValue()),
                Coded.of(Medium.class, node.get("medium").textValue()),
                node.get("step").intValue(),
                minutes.isNull() ? null : minutes.intValue(),
                scores,
                therapy == null || therapy.isNull() ? null : therapy.textValue());
    }

    static ObjectNode score(Score score) {
        ObjectNode node = NODES.objectNode();
        node.put("measure", score.measure().code());
        node.put("total", FileOutcome.plain(score.total()));
        if (score.items() == null) {
            node.putNull("items");
        } else {
            ArrayNode items = node.putArray("items");
            score.items().forEach(items::add);
        }
        return node;
    }

    static Score score(JsonNode node, MeasureCatalogue catalogue) {
        List<Integer> items = null;
        if (!node.get("items").isNull()) {
            items = new ArrayList<>();
            for (JsonNode item : node.get("items")) {
                items.add(item.isNull() ? null : item.intValue());
            }
        }
        return new Score(measure(node.get("measure").textValue(), catalogue), number(node.get("total")), items);
    }

    /**
     * The code of a measure the table defines; IllegalArgumentException naming it for one the table
     * lacks (the reader checks for that first, with the file's place, so this is the last guard).
     */
    static MeasureCode measure(String text, MeasureCatalogue catalogue) {
        return catalogue.code(text).orElseThrow(() -> new IllegalArgumentException(unknownMeasure(text, catalogue)));
    }

    /** "the measure IESR is not in this Stepwise's measure table (edition 2 (2026-12))". */
    static String unknownMeasure(String code, MeasureCatalogue catalogue) {
        return "the measure " + code + " is not in this Stepwise's measure table (edition " + catalogue.edition() + ")";
    }

    // ---- outcome ----

    static ObjectNode outcome(FileOutcome outcome) {
        ObjectNode node = NODES.objectNode();
        node.put("treatmentContacts", outcome.treatmentContacts());
        node.put("finishedTreatment", outcome.finishedTreatment());
        node.put("depressionMeasure", outcome.depressionMeasure().code());
        node.put("anxietyMeasure", outcome.anxietyMeasure().code());
        node.set("firstScores", scores(outcome.firstScores()));
        node.set("lastScores", scores(outcome.lastScores()));
        node.put("atCaseness", outcome.atCaseness());
        node.put("recovered", outcome.recovered());
        node.put("reliableImprovement", outcome.reliableImprovement());
        node.put("reliableDeterioration", outcome.reliableDeterioration());
        node.put("reliableRecovery", outcome.reliableRecovery());
        node.put("daysReferralToAssessment", outcome.daysReferralToAssessment());
        node.put("daysReferralToFirstTreatment", outcome.daysReferralToFirstTreatment());
        return node;
    }

    static FileOutcome outcome(JsonNode node, MeasureCatalogue catalogue) {
        return new FileOutcome(
                node.get("treatmentContacts").intValue(),
                node.get("finishedTreatment").booleanValue(),
                measure(node.get("depressionMeasure").textValue(), catalogue),
                measure(node.get("anxietyMeasure").textValue(), catalogue),
                scores(node.get("firstScores"), catalogue),
                scores(node.get("lastScores"), catalogue),
                optionalBoolean(node.get("atCaseness")),
                optionalBoolean(node.get("recovered")),
                optionalBoolean(node.get("reliableImprovement")),
                optionalBoolean(node.get("reliableDeterioration")),
                optionalBoolean(node.get("reliableRecovery")),
                optionalInteger(node.get("daysReferralToAssessment")),
                optionalInteger(node.get("daysReferralToFirstTreatment")));
    }

    private static ObjectNode scores(Map<MeasureCode, BigDecimal> scores) {
        ObjectNode node = NODES.objectNode();
        scores.forEach((measure, total) -> node.put(measure.code(), FileOutcome.plain(total)));
        return node;
    }

    private static Map<MeasureCode, BigDecimal> scores(JsonNode node, MeasureCatalogue catalogue) {
        Map<MeasureCode, BigDecimal> scores = new LinkedHashMap<>();
        node.properties().forEach(e -> scores.put(measure(e.getKey(), catalogue),
                e.getValue().isNull() ? null : number(e.getValue())));
        return scores;
    }

    // ---- values ----

    private static LocalDate date(JsonNode node) {
        return LocalDate.parse(node.textValue());
    }

    private static String code(Coded coded) {
        return coded == null ? null : coded.code();
    }

    private static EmploymentStatus employment(JsonNode node) {
        return node.isNull() ? null : Coded.of(EmploymentStatus.class, node.textValue());
    }

    /** A JSON number as the decimal it was written as (2.35 stays 2.35, never a binary approximation). */
    private static BigDecimal number(JsonNode node) {
        if (node.isInt() || node.isLong()) {
            return FileOutcome.plain(BigDecimal.valueOf(node.longValue()));
        }
        return FileOutcome.plain(node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue());
    }

    private static Boolean optionalBoolean(JsonNode node) {
        return node.isNull() ? null : node.booleanValue();
    }

    private static Integer optionalInteger(JsonNode node) {
        return node.isNull() ? null : node.intValue();
    }
}
