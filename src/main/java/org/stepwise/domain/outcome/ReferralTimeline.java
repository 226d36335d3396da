package org.stepwise.domain.outcome;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.MeasureDefinition;
import org.stepwise.domain.measure.Score;

/**
 * A referral's contacts in clinical order, and the readings the outcome rules and the flags share
 * (clinical-reference.md §3): contacts ordered by date, then by recording order; only attended
 * contacts carry scores that count; first and last score of a measure; paired measures; treatment
 * contacts; the anxiety measure in use. Immutable.
 */
public final class ReferralTimeline {

    private final String problemDescriptor;
    /** The attended contacts in clinical order. */
    private final List<ContactRecord> attended;

    private ReferralTimeline(String problemDescriptor, List<ContactRecord> attended) {
        this.problemDescriptor = problemDescriptor;
        this.attended = attended;
    }

    /** The referral's contacts ordered by date; contacts on the same date keep their recording order. */
    public static ReferralTimeline of(ReferralRecord referral) {
        // Stream.sorted is stable on an ordered stream: same-date contacts stay in recording order.
        return new ReferralTimeline(referral.problemDescriptor(), referral.contacts().stream()
                .sorted(Comparator.comparing(ContactRecord::date))
                .filter(ContactRecord::attended)
                .toList());
    }

    /** Attended contacts of type treatment, review or assessment-and-treatment. */
    public int treatmentContacts() {
        return (int) attended.stream().filter(ContactRecord::isTreatmentContact).count();
    }

    /** The treatment contacts in clinical order: treatment contact 1, 2, … of the course. */
    public List<ContactRecord> treatmentContactsInOrder() {
        return attended.stream().filter(ContactRecord::isTreatmentContact).toList();
    }

    /** The latest attended contact (the last recorded of the latest date). */
    public Optional<ContactRecord> latestAttended() {
        return attended.isEmpty() ? Optional.empty() : Optional.of(attended.getLast());
    }

    /** The date of the first attended contact of this type. */
    public Optional<LocalDate> firstAttended(ContactType type) {
        return attended.stream().filter(c -> c.type() == type).findFirst().map(ContactRecord::date);
    }

    /** The date of the first attended assessment or assessment-and-treatment contact (days to assessment, §3). */
    public Optional<LocalDate> firstAssessment() {
        return attended.stream().filter(ContactRecord::isAssessmentContact).findFirst().map(ContactRecord::date);
    }

    /** The date of the first treatment contact (attended; treatment, review or assessment-and-treatment). */
    public Optional<LocalDate> firstTreatment() {
        return treatment(1);
    }

    /** The date of the second treatment contact, for the wait between the first two (§4). */
    public Optional<LocalDate> secondTreatment() {
        return treatment(2);
    }

    private Optional<LocalDate> treatment(int number) {
        return attended.stream().filter(ContactRecord::isTreatmentContact).skip(number - 1L).findFirst()
                .map(ContactRecord::date);
    }

    /** The measure's score at the earliest attended contact where it was recorded. */
    public Optional<Score> first(MeasureCode measure) {
        return attended.stream().flatMap(c -> c.score(measure).stream()).findFirst();
    }

    /** The measure's score at the latest attended contact where it was recorded. */
    public Optional<Score> last(MeasureCode measure) {
        return attended.reversed().stream().flatMap(c -> c.score(measure).stream()).findFirst();
    }

    /**
     * The measure's score at the latest attended contact where it was recorded with its item
     * answers (a later score recorded as a total only is passed over): what the risk item is read
     * from (clinical-reference.md §5), with the date of that contact.
     */
    public Optional<Dated> lastWithItems(MeasureCode measure) {
        for (ContactRecord contact : attended.reversed()) {
            Optional<Score> score = contact.score(measure);
            if (score.isPresent() && score.get().items() != null) {
                return Optional.of(new Dated(contact.date(), score.get()));
            }
        }
        return Optional.empty();
    }

    /** A score with the date of the contact it was recorded at. */
    public record Dated(LocalDate date, Score score) {
    }

    /** The number the rules judge the measure's first score by ({@link MeasureDefinition#value}). */
    public Optional<BigDecimal> firstValue(MeasureDefinition measure) {
        return first(measure.code()).map(measure::value);
    }

    /** The number the rules judge the measure's last score by ({@link MeasureDefinition#value}). */
    public Optional<BigDecimal> lastValue(MeasureDefinition measure) {
        return last(measure.code()).map(measure::value);
    }

    /** The measure's scores at the attended contacts where it was recorded, in clinical order. */
    public List<Score> scores(MeasureCode measure) {
        return attended.stream().flatMap(c -> c.score(measure).stream()).toList();
    }

    /** Whether the measure was recorded at two or more attended contacts. */
    public boolean paired(MeasureCode measure) {
        return attended.stream().filter(c -> c.score(measure).isPresent()).limit(2).count() == 2;
    }

    /**
     * The referral's anxiety measure: the problem descriptor's ADSM when it is paired on this
     * referral, otherwise GAD7 (clinical-reference.md §2). Where the table gives the descriptor's
     * ICD-10 code more than one ADSM, the first of them in table order that is paired
     * ({@link MeasureCatalogue#anxietyMeasuresFor}).
     */
    public MeasureCode anxietyMeasure(MeasureCatalogue catalogue) {
        for (MeasureCode adsm : catalogue.anxietyMeasuresFor(problemDescriptor)) {
            if (paired(adsm)) {
                return adsm;
            }
        }
        return MeasureCode.GAD7;
    }

    /** The problem descriptor as recorded (a descriptor code, or the ICD-10 code a file carries), or null. */
    public String problemDescriptor() {
        return problemDescriptor;
    }

    /** The attended contacts in clinical order. */
    public List<ContactRecord> attendedContacts() {
        return attended;
    }
}
