package org.stepwise.store;

import static org.stepwise.store.generated.Tables.CONTACT;
import static org.stepwise.store.generated.Tables.REFERRAL;
import static org.stepwise.store.generated.Tables.RISK_REVIEW;
import static org.stepwise.store.generated.Tables.SCORE;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record4;
import org.jooq.ResultQuery;
import org.jooq.SelectConditionStep;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;
import org.stepwise.domain.common.Coded;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.contact.RiskLevel;
import org.stepwise.domain.referral.EndReason;

/**
 * Reads referrals as the clinical rules see them ({@link ReferralRecord}) in four narrow queries, whatever
 * their number: the referrals, their contacts, the contacts' scores and their risk review levels, each
 * selecting only the columns the rules use (never a note) and mapped without reflection. With no
 * condition (the whole caseload) each query reads its table straight through, with no index look-up per
 * row. Runs inside the caller's transaction.
 */
final class ReferralRecords {

    private static final Comparator<Score> MEASURE_ORDER = Comparator.comparing(Score::measure);

    private final DSLContext dsl;
    private final MeasureCatalogue catalogue;
    /** Which referrals, or null for all of them. */
    private final Condition referrals;
    private final Map<String, ContactType> types = codes(ContactType.class);
    private final Map<String, Medium> media = codes(Medium.class);
    private final Map<String, Attendance> attendances = codes(Attendance.class);

    private ReferralRecords(DSLContext dsl, MeasureCatalogue catalogue, Condition referrals) {
        this.dsl = dsl;
        this.catalogue = catalogue;
        this.referrals = referrals;
    }

    /**
     * The referrals matching the condition (null: every referral), in id order, with their contacts in
     * recording order and the level of the risk review at their latest contact (date, then recording
     * order) that has one.
     */
    static List<ReferralRecord> read(DSLContext dsl, MeasureCatalogue catalogue, Condition referrals) {
        return new ReferralRecords(dsl, catalogue, referrals).read();
    }

    private List<ReferralRecord> read() {
        Map<Long, List<Score>> scores = scores();
        Map<Long, RiskLevel> risk = riskLevels();
        Map<Long, List<ContactRecord>> contacts = contacts(scores);
        var query = dsl.select(REFERRAL.ID, REFERRAL.REFERRAL_DATE, REFERRAL.END_DATE, REFERRAL.END_REASON,
                REFERRAL.PROBLEM_DESCRIPTOR).from(REFERRAL);
        return (referrals == null ? query : query.where(referrals)).orderBy(REFERRAL.ID).fetch(r -> {
            long id = r.value1();
            return new ReferralRecord(Long.toString(id), r.value2(), r.value3(),
                    r.value4() == null ? null : Coded.of(EndReason.class, r.value4()), r.value5(),
                    contacts.getOrDefault(id, List.of()), risk.get(id));
        });
    }

    /** The contacts of each referral, in recording order, each with its scores and the therapy delivered. */
    private Map<Long, List<ContactRecord>> contacts(Map<Long, List<Score>> scores) {
        Map<Long, List<ContactRecord>> byReferral = new HashMap<>();
        ofReferrals(dsl.select(CONTACT.REFERRAL_ID, CONTACT.ID, CONTACT.CONTACT_DATE, CONTACT.CONTACT_TYPE,
                CONTACT.MEDIUM, CONTACT.ATTENDANCE, CONTACT.STEP, CONTACT.MINUTES, CONTACT.THERAPY_TYPE).from(CONTACT))
                .orderBy(CONTACT.REFERRAL_ID, CONTACT.ID)
                .forEach(r -> byReferral.computeIfAbsent(r.value1(), id -> new ArrayList<>()).add(new ContactRecord(
                        r.value3(), code(types, r.value4()), code(attendances, r.value6()), code(media, r.value5()),
                        r.value7(), r.value8(), scores.getOrDefault(r.value2(), List.of()), r.value9())));
        return byReferral;
    }

    /** The scores of each contact, in measure order, with the totals as the catalogue writes them. */
    private Map<Long, List<Score>> scores() {
        var select = dsl.select(SCORE.CONTACT_ID, SCORE.MEASURE, SCORE.TOTAL, SCORE.ITEMS);
        ResultQuery<Record4<Long, String, BigDecimal, String>> query = referrals == null
                ? select.from(SCORE)
                : ofReferrals(select.from(SCORE).join(CONTACT).on(CONTACT.ID.eq(SCORE.CONTACT_ID)));
        Map<Long, List<Score>> byContact = new HashMap<>();
        query.forEach(r -> {
            MeasureCode measure = StoredMeasures.code(catalogue, r.value2());
            byContact.computeIfAbsent(r.value1(), id -> new ArrayList<>(4)).add(new Score(measure,
                    asRecorded(catalogue, r.value3(), measure), ScoreItems.parse(r.value4())));
        });
        byContact.values().forEach(list -> list.sort(MEASURE_ORDER));
        return byContact;
    }

    /** The level of the risk review at each referral's latest contact (by date, then recording order) that has one. */
    private Map<Long, RiskLevel> riskLevels() {
        record Review(LocalDate date, long contactId, String level) {
        }
        Map<Long, Review> latest = new HashMap<>();
        ofReferrals(dsl.select(CONTACT.REFERRAL_ID, CONTACT.CONTACT_DATE, CONTACT.ID, RISK_REVIEW.RISK_LEVEL)
                .from(RISK_REVIEW).join(CONTACT).on(CONTACT.ID.eq(RISK_REVIEW.CONTACT_ID)))
                .forEach(r -> latest.merge(r.value1(), new Review(r.value2(), r.value3(), r.value4()),
                        (one, other) -> Comparator.comparing(Review::date).thenComparingLong(Review::contactId)
                                .compare(one, other) >= 0 ? one : other));
        Map<Long, RiskLevel> levels = new HashMap<>();
        latest.forEach((referral, review) -> levels.put(referral, Coded.of(RiskLevel.class, review.level())));
        return levels;
    }

    /** A query over contacts narrowed to the chosen referrals (through a join on the referral), or as it is for all. */
    private <R extends Record> SelectConditionStep<R> ofReferrals(SelectJoinStep<R> overContacts) {
        return referrals == null
                ? overContacts.where(DSL.noCondition())
                : overContacts.join(REFERRAL).on(REFERRAL.ID.eq(CONTACT.REFERRAL_ID)).where(referrals);
    }

    /**
     * A stored total (four decimals in the column) with the measure's own number of decimals, as the
     * catalogue computes it: a PHQ-9 of 14 reads back as 14, an MI of 2.5 as 2.5000. A total recorded
     * with more decimals than the table now gives keeps them (nothing stored is rounded away).
     */
    static BigDecimal asRecorded(MeasureCatalogue catalogue, BigDecimal total, MeasureCode measure) {
        int decimals = catalogue.definition(measure).decimals();
        return total.setScale(Math.max(decimals, total.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY);
    }

    private static <E extends Enum<E> & Coded> Map<String, E> codes(Class<E> type) {
        Map<String, E> byCode = new HashMap<>();
        for (E constant : type.getEnumConstants()) {
            byCode.put(constant.code(), constant);
        }
        return byCode;
    }

    private static <E> E code(Map<String, E> byCode, String code) {
        E constant = byCode.get(code);
        if (constant == null) {
            throw new IllegalArgumentException("Unknown code in a contact: " + code);
        }
        return constant;
    }
}
