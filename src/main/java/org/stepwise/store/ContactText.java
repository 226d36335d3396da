package org.stepwise.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.common.Coded;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.contact.RiskReview;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.contact.RiskLevel;

/**
 * A contact with its scores and risk review as the JSON text kept in {@code contact_version}:
 * the stored codes of every field, totals as written (so MI keeps its decimals), items with null
 * for an unanswered item. Only ever inside the encrypted store: it holds the notes.
 */
final class ContactText {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FORMAT = 1;

    private ContactText() {
    }

    static String write(Contact contact) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("id", contact.id());
        root.put("referralId", contact.referralId());
        root.put("date", contact.date().toString());
        root.put("type", contact.type().code());
        root.put("medium", contact.medium().code());
        root.put("attendance", contact.attendance().code());
        root.put("step", contact.step());
        root.put("minutes", contact.minutes());
        root.put("therapyType", contact.therapyType());
        root.put("note", contact.note());
        ArrayNode scores = root.putArray("scores");
        for (Score score : contact.scores()) {
            ObjectNode node = scores.addObject();
            node.put("measure", score.measure().name());
            node.put("total", score.total().toPlainString());
            if (score.items() == null) {
                node.putNull("items");
            } else {
                ArrayNode items = node.putArray("items");
                score.items().forEach(items::add);
            }
        }
        RiskReview review = contact.riskReview();
        if (review == null) {
            root.putNull("riskReview");
        } else {
            ObjectNode node = root.putObject("riskReview");
            node.put("level", review.level().code());
            node.put("note", review.note());
            node.put("reviewedAt", review.reviewedAt().toString());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            StoreErrors.log("keeping a contact version", e);
            throw new StoreException("The earlier version of the contact could not be kept, so nothing was changed.");
        }
    }

    /** The contact of a kept version; its measure codes are those of {@code catalogue} ({@link StoredMeasures#code}). */
    static Contact read(String text, MeasureCatalogue catalogue) {
        try {
            JsonNode root = JSON.readTree(text);
            List<Score> scores = new ArrayList<>();
            for (JsonNode node : root.get("scores")) {
                List<Integer> items = null;
                if (!node.get("items").isNull()) {
                    items = new ArrayList<>();
                    for (JsonNode item : node.get("items")) {
                        items.add(item.isNull() ? null : item.intValue());
                    }
                }
                scores.add(new Score(StoredMeasures.code(catalogue, node.get("measure").textValue()),
                        new BigDecimal(node.get("total").textValue()), items));
            }
            JsonNode review = root.get("riskReview");
            return new Contact(root.get("id").longValue(), root.get("referralId").longValue(),
                    LocalDate.parse(root.get("date").textValue()),
                    Coded.of(ContactType.class, root.get("type").textValue()),
                    Coded.of(Medium.class, root.get("medium").textValue()),
                    Coded.of(Attendance.class, root.get("attendance").textValue()),
                    root.get("step").intValue(),
                    root.get("minutes").isNull() ? null : root.get("minutes").intValue(),
                    root.get("therapyType").textValue(),
                    root.get("note").textValue(),
                    scores,
                    review.isNull() ? null : new RiskReview(Coded.of(RiskLevel.class, review.get("level").textValue()),
                            review.get("note").textValue(), Instant.parse(review.get("reviewedAt").textValue())));
        } catch (StoreException e) {
            throw e;
        } catch (JsonProcessingException | RuntimeException e) {
            StoreErrors.log("reading a contact version", e);
            throw new StoreException("An earlier version of the contact could not be read.");
        }
    }
}
