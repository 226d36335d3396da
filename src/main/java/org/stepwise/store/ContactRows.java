package org.stepwise.store;

import static org.stepwise.store.generated.Tables.CONTACT;
import static org.stepwise.store.generated.Tables.RISK_REVIEW;
import static org.stepwise.store.generated.Tables.SCORE;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.stepwise.domain.common.Coded;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.ContactVersion;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.contact.RiskReview;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.contact.RiskLevel;
import org.stepwise.store.generated.tables.records.ContactVersionRecord;

/**
 * Contact rows ({@code contact}, {@code score}, {@code risk_review}, {@code contact_version}) and the domain's
 * {@link Contact}: contacts read whole with their scores and risk reviews, a contact's values and measures as
 * written, and its kept versions read back. Runs in the caller's transaction; scores are read with the measure
 * catalogue the store was opened with.
 */
final class ContactRows {

    private final MeasureCatalogue catalogue;

    ContactRows(MeasureCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Contacts matching the condition, by date then recording order, with their scores and risk reviews. */
    List<Contact> read(DSLContext dsl, Condition condition) {
        var rows = dsl.selectFrom(CONTACT)
                .where(condition)
                .orderBy(CONTACT.CONTACT_DATE, CONTACT.ID)
                .fetch();
        Map<Long, List<Score>> scores = scores(dsl, condition);
        Map<Long, RiskReview> reviews = riskReviews(dsl, condition);
        return rows.stream().map(r -> new Contact(r.getId(), r.getReferralId(), r.getContactDate(),
                Coded.of(ContactType.class, r.getContactType()), Coded.of(Medium.class, r.getMedium()),
                Coded.of(Attendance.class, r.getAttendance()), r.getStep(), r.getMinutes(), r.getTherapyType(),
                r.getNote(), scores.getOrDefault(r.getId(), List.of()), reviews.get(r.getId()))).toList();
    }

    /** The scores of the contacts matching the condition, by contact id, each list in measure order. */
    private Map<Long, List<Score>> scores(DSLContext dsl, Condition contactCondition) {
        Map<Long, List<Score>> scores = dsl.selectFrom(SCORE)
                .where(SCORE.CONTACT_ID.in(DSL.select(CONTACT.ID).from(CONTACT).where(contactCondition)))
                .fetchGroups(SCORE.CONTACT_ID, r -> {
                    MeasureCode measure = StoredMeasures.code(catalogue, r.getMeasure());
                    return new Score(measure, ReferralRecords.asRecorded(catalogue, r.getTotal(), measure),
                            ScoreItems.parse(r.getItems()));
                });
        scores.values().forEach(list -> list.sort(Comparator.comparing(Score::measure)));
        return scores;
    }

    private static Map<Long, RiskReview> riskReviews(DSLContext dsl, Condition contactCondition) {
        return dsl.selectFrom(RISK_REVIEW)
                .where(RISK_REVIEW.CONTACT_ID.in(DSL.select(CONTACT.ID).from(CONTACT).where(contactCondition)))
                .fetchMap(RISK_REVIEW.CONTACT_ID, r -> new RiskReview(Coded.of(RiskLevel.class, r.getRiskLevel()),
                        r.getNote(), r.getReviewedAt().toInstant()));
    }

    /** A kept version of a contact, as {@code contact_version} holds it. */
    ContactVersion version(ContactVersionRecord r) {
        return new ContactVersion(r.getContactId(), r.getVersion(),
                ContactVersion.Change.valueOf(r.getChangeKind().toUpperCase(Locale.ROOT)),
                ContactText.read(r.getContent(), catalogue), r.getChangedBy(), r.getChangedAt().toInstant());
    }

    /** The contact's own values, by column (not its id, referral or times). */
    static Map<Field<?>, Object> fields(Contact contact) {
        Map<Field<?>, Object> fields = new LinkedHashMap<>();
        fields.put(CONTACT.CONTACT_DATE, contact.date());
        fields.put(CONTACT.CONTACT_TYPE, contact.type().code());
        fields.put(CONTACT.MEDIUM, contact.medium().code());
        fields.put(CONTACT.ATTENDANCE, contact.attendance().code());
        fields.put(CONTACT.STEP, (short) contact.step());
        fields.put(CONTACT.MINUTES, contact.minutes());
        fields.put(CONTACT.THERAPY_TYPE, contact.therapyType());
        fields.put(CONTACT.NOTE, contact.note());
        return fields;
    }

    /** Inserts the contact's scores and its risk review (if any) for the stored contact {@code contactId}. */
    static void insertMeasures(DSLContext dsl, long contactId, Contact contact) {
        for (Score score : contact.scores()) {
            dsl.insertInto(SCORE)
                    .set(SCORE.CONTACT_ID, contactId)
                    .set(SCORE.MEASURE, score.measure().name())
                    .set(SCORE.TOTAL, score.total())
                    .set(SCORE.ITEMS, ScoreItems.format(score.items()))
                    .execute();
        }
        RiskReview review = contact.riskReview();
        if (review != null) {
            dsl.insertInto(RISK_REVIEW)
                    .set(RISK_REVIEW.CONTACT_ID, contactId)
                    .set(RISK_REVIEW.RISK_LEVEL, review.level().code())
                    .set(RISK_REVIEW.NOTE, review.note())
                    .set(RISK_REVIEW.REVIEWED_AT, utc(review.reviewedAt()))
                    .execute();
        }
    }

    /** An instant as stored: UTC, to the microsecond (the column's precision). */
    static OffsetDateTime utc(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
