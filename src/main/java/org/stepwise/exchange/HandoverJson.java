package org.stepwise.exchange;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.stepwise.domain.caseload.HandoverContents;
import org.stepwise.domain.caseload.ReferralHistory;
import org.stepwise.domain.common.Coded;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.contact.RiskReview;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.contact.RiskLevel;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.referral.Employment;
import org.stepwise.domain.referral.EmploymentStatus;
import org.stepwise.domain.referral.EndReason;
import org.stepwise.domain.referral.Referral;
import org.stepwise.domain.referral.ReferralSource;
import org.stepwise.domain.referral.ReferralStatus;
import org.stepwise.domain.referral.StepChange;

/**
 * The sealed payload of a handover file: {@link HandoverContents} as one UTF-8 JSON document
 * ({@code "format": "stepwise-handover", "formatVersion": 1}), every field of the patient, the referral
 * (with its UUID and step history) and each contact in recording order, with scores (items as recorded) and
 * risk reviews. It only ever exists encrypted ({@link HandoverFile}) or in memory; never in a temp file.
 */
final class HandoverJson {

    static final String FORMAT = "stepwise-handover";
    static final int FORMAT_VERSION = 1;
    static final String UNREADABLE = "The handover file opened, but its contents could not be read: it was "
            + "written by another version of Stepwise; nothing was saved.";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private HandoverJson() {
    }

    static byte[] write(HandoverContents c) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT).put("formatVersion", FORMAT_VERSION).put("fileId", c.fileId())
                .put("from", c.from()).put("to", c.to()).put("createdAt", c.createdAt().toString())
                .put("serviceCode", c.serviceCode());
        Patient p = c.patient();
        root.putObject("patient").put("nhsNumber", p.nhsNumber().digits()).put("givenName", p.givenName())
                .put("familyName", p.familyName()).put("dateOfBirth", p.dateOfBirth().toString())
                .put("gender", p.gender().code()).put("ethnicity", p.ethnicity().code()).put("phone", p.phone())
                .put("email", p.email()).put("address", p.address()).put("postcode", p.postcode())
                .put("gpPractice", p.gpPractice());
        Referral r = c.history().referral();
        ObjectNode referral = root.putObject("referral");
        referral.put("uuid", r.uuid().toString()).put("referralDate", r.referralDate().toString())
                .put("source", r.source().code()).put("problemDescriptor", r.problemDescriptor())
                .put("status", r.status().code()).put("endDate", text(r.endDate()))
                .put("endReason", r.endReason() == null ? null : r.endReason().code())
                .put("employmentAtStart", code(r.employment().atStart()))
                .put("employmentAtEnd", code(r.employment().atEnd()))
                .put("employmentSupport", r.employment().support()).put("demo", r.demo());
        ArrayNode steps = referral.putArray("steps");
        for (StepChange step : r.steps()) {
            steps.addObject().put("date", step.effectiveDate().toString()).put("step", step.step());
        }
        ArrayNode contacts = root.putArray("contacts");
        for (Contact contact : c.history().contacts()) {
            ObjectNode node = contacts.addObject();
            node.put("date", contact.date().toString()).put("type", contact.type().code())
                    .put("medium", contact.medium().code()).put("attendance", contact.attendance().code())
                    .put("step", contact.step()).put("minutes", contact.minutes())
                    .put("therapyType", contact.therapyType()).put("note", contact.note());
            ArrayNode scores = node.putArray("scores");
            for (Score score : contact.scores()) {
                ObjectNode s = scores.addObject().put("measure", score.measure().name()).put("total", score.total());
                if (score.items() == null) {
                    s.putNull("items");
                } else {
                    ArrayNode items = s.putArray("items");
                    score.items().forEach(items::add);
                }
            }
            RiskReview review = contact.riskReview();
            if (review == null) {
                node.putNull("riskReview");
            } else {
                node.putObject("riskReview").put("level", review.level().code()).put("note", review.note())
                        .put("reviewedAt", review.reviewedAt().toString());
            }
        }
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("The handover could not be put into its file.");
        }
    }

    /** The contents of an opened payload; {@link HandoverRefused} when it is not one this version reads. */
    static HandoverContents read(byte[] payload) {
        try {
            JsonNode root = MAPPER.readTree(payload);
            if (!FORMAT.equals(root.path("format").asText()) || root.path("formatVersion").asInt() != FORMAT_VERSION) {
                throw new HandoverRefused(UNREADABLE);
            }
            JsonNode p = root.required("patient");
            Patient patient = new Patient(null, NhsNumber.parse(p.required("nhsNumber").asText()),
                    p.required("givenName").asText(), p.required("familyName").asText(),
                    LocalDate.parse(p.required("dateOfBirth").asText()),
                    Coded.of(Gender.class, p.required("gender").asText()),
                    Coded.of(Ethnicity.class, p.required("ethnicity").asText()), opt(p, "phone"), opt(p, "email"),
                    opt(p, "address"), opt(p, "postcode"), opt(p, "gpPractice"));
            JsonNode r = root.required("referral");
            List<StepChange> steps = new ArrayList<>();
            for (JsonNode step : r.required("steps")) {
                steps.add(new StepChange(LocalDate.parse(step.required("date").asText()), step.required("step").asInt()));
            }
            String endReason = opt(r, "endReason");
            String endDate = opt(r, "endDate");
            Referral referral = new Referral(null, UUID.fromString(r.required("uuid").asText()), 0,
                    LocalDate.parse(r.required("referralDate").asText()),
                    Coded.of(ReferralSource.class, r.required("source").asText()), opt(r, "problemDescriptor"),
                    Coded.of(ReferralStatus.class, r.required("status").asText()),
                    endDate == null ? null : LocalDate.parse(endDate),
                    endReason == null ? null : Coded.of(EndReason.class, endReason), steps,
                    new Employment(status(opt(r, "employmentAtStart")), status(opt(r, "employmentAtEnd")),
                            r.path("employmentSupport").asBoolean(false)),
                    r.path("demo").asBoolean(false));
            List<Contact> contacts = new ArrayList<>();
            for (JsonNode c : root.required("contacts")) {
                List<Score> scores = new ArrayList<>();
                for (JsonNode s : c.required("scores")) {
                    List<Integer> items = null;
                    if (s.hasNonNull("items")) {
                        items = new ArrayList<>();
                        for (JsonNode item : s.get("items")) {
                            items.add(item.isNull() ? null : item.intValue());
                        }
                    }
                    scores.add(new Score(MeasureCode.of(s.required("measure").asText()), s.required("total").decimalValue(),
                            items));
                }
                JsonNode review = c.path("riskReview");
                RiskReview riskReview = review.isObject() ? new RiskReview(
                        Coded.of(RiskLevel.class, review.required("level").asText()), review.required("note").asText(),
                        Instant.parse(review.required("reviewedAt").asText())) : null;
                contacts.add(new Contact(null, 0, LocalDate.parse(c.required("date").asText()),
                        Coded.of(ContactType.class, c.required("type").asText()),
                        Coded.of(Medium.class, c.required("medium").asText()),
                        Coded.of(Attendance.class, c.required("attendance").asText()), c.required("step").asInt(),
                        c.hasNonNull("minutes") ? c.get("minutes").asInt() : null, opt(c, "therapyType"),
                        opt(c, "note"), scores, riskReview));
            }
            return new HandoverContents(root.required("fileId").asText(), root.required("from").asText(),
                    root.required("to").asText(), Instant.parse(root.required("createdAt").asText()),
                    root.required("serviceCode").asText(), patient, new ReferralHistory(referral, contacts));
        } catch (HandoverRefused e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // The message of a parse failure may quote the data: it is never passed on.
            throw new HandoverRefused(UNREADABLE);
        }
    }

    private static String opt(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String code(EmploymentStatus status) {
        return status == null ? null : status.code();
    }

    private static EmploymentStatus status(String code) {
        return code == null ? null : Coded.of(EmploymentStatus.class, code);
    }
}
