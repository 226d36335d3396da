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
import org.stepwise.domain.common.Coded;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.referral.EndReason;
import org.stepwise.domain.referral.ReferralSource;

/** Format 1's JSON shapes, both ways: the one place that knows the field names. */
final class OutcomeFileJson {

    static final String FORMAT = "stepwise-outcomes";
    static final int FORMAT_VERSION = 1;
    static final String METHOD = "HMAC-SHA256";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OutcomeFileJson() {
    }

    // ---- header ----

    /** The header members in file order, with an empty referrals array and no integrity block. */
    static ObjectNode header(FileHeader header) {
        ObjectNode node = NODES.objectNode();
        node.put("format", FORMAT);
        node.put("formatVersion", FORMAT_VERSION);
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
        return node;
    }

    static FileHeader header(JsonNode document) {
        return new FileHeader(
                Instant.parse(document.get("generatedAt").textValue()),
                document.get("generator").textValue(),
                date(document.get("period").get("start")),
                date(document.get("period").get("end")),
                document.get("service").get("code").textValue(),
                document.get("practitioner").get("pseudonym").textValue(),
                document.get("practitioner").get("role").textValue(),
                document.get("pseudonymisation").get("keyFingerprint").textValue());
    }

    // ---- referral ----

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
        ArrayNode contacts = node.putArray("contacts");
        for (ContactRecord contact : referral.contacts()) {
            contacts.add(contact(contact));
        }
        node.set("outcome", outcome(referral.outcome()));
        return node;
    }

    /** A referral from a document that already conforms to the schema; throws on an impossible date. */
    static FileReferral referral(JsonNode node) {
        return referral(node, null);
    }

    /**
     * As {@link #referral(JsonNode)}, with each contact's scores already read ({@code scores.get(i)}
     * for contact i), or read here when {@code scores} is null.
     */
    static FileReferral referral(JsonNode node, List<List<Score>> scores) {
        List<ContactRecord> contacts = new ArrayList<>();
        int index = 0;
        for (JsonNode contact : node.get("contacts")) {
            contacts.add(contact(contact, scores == null ? contactScores(contact) : scores.get(index)));
            index++;
        }
        JsonNode endReason = node.get("endReason");
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
                contacts,
                outcome(node.get("outcome")));
    }

    static ObjectNode contact(ContactRecord contact) {
        ObjectNode node = NODES.objectNode();
        node.put("date", contact.date().toString());
        node.put("type", contact.type().code());
        node.put("attendance", contact.attendance().code());
        node.put("medium", contact.medium().code());
        node.put("step", contact.step());
        node.put("minutes", contact.minutes());
        ArrayNode scores = node.putArray("scores");
        for (Score score : contact.scores()) {
            scores.add(score(score));
        }
        return node;
    }

    static ContactRecord contact(JsonNode node) {
        return contact(node, contactScores(node));
    }

    /** A contact's scores, in file order. */
    static List<Score> contactScores(JsonNode contact) {
        List<Score> scores = new ArrayList<>();
        for (JsonNode score : contact.get("scores")) {
            scores.add(score(score));
        }
        return scores;
    }

    private static ContactRecord contact(JsonNode node, List<Score> scores) {
        JsonNode minutes = node.get("minutes");
        return new ContactRecord(
                date(node.get("date")),
                Coded.of(ContactType.class, node.get("type").textValue()),
                Coded.of(Attendance.class, node.get("attendance").textValue()),
                Coded.of(Medium.class, node.get("medium").textValue()),
                node.get("step").intValue(),
                minutes.isNull() ? null : minutes.intValue(),
                scores);
    }

    static ObjectNode score(Score score) {
        ObjectNode node = NODES.objectNode();
        node.put("measure", score.measure().name());
        node.put("total", FileOutcome.plain(score.total()));
        if (score.items() == null) {
            node.putNull("items");
        } else {
            ArrayNode items = node.putArray("items");
            score.items().forEach(items::add);
        }
        return node;
    }

    static Score score(JsonNode node) {
        List<Integer> items = null;
        if (!node.get("items").isNull()) {
            items = new ArrayList<>();
            for (JsonNode item : node.get("items")) {
                items.add(item.isNull() ? null : item.intValue());
            }
        }
        return new Score(MeasureCode.of(node.get("measure").textValue()), number(node.get("total")), items);
    }

    // ---- outcome ----

    static ObjectNode outcome(FileOutcome outcome) {
        ObjectNode node = NODES.objectNode();
        node.put("treatmentContacts", outcome.treatmentContacts());
        node.put("finishedTreatment", outcome.finishedTreatment());
        node.put("depressionMeasure", outcome.depressionMeasure().name());
        node.put("anxietyMeasure", outcome.anxietyMeasure().name());
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

    static FileOutcome outcome(JsonNode node) {
        return new FileOutcome(
                node.get("treatmentContacts").intValue(),
                node.get("finishedTreatment").booleanValue(),
                MeasureCode.of(node.get("depressionMeasure").textValue()),
                MeasureCode.of(node.get("anxietyMeasure").textValue()),
                scores(node.get("firstScores")),
                scores(node.get("lastScores")),
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
        scores.forEach((measure, total) -> node.put(measure.name(), FileOutcome.plain(total)));
        return node;
    }

    private static Map<MeasureCode, BigDecimal> scores(JsonNode node) {
        Map<MeasureCode, BigDecimal> scores = new LinkedHashMap<>();
        node.properties().forEach(e -> scores.put(MeasureCode.of(e.getKey()),
                e.getValue().isNull() ? null : number(e.getValue())));
        return scores;
    }

    // ---- values ----

    private static LocalDate date(JsonNode node) {
        return LocalDate.parse(node.textValue());
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
