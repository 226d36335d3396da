package org.stepwise.domain.outcome;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
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

    /** Attended contacts of type treatment or review. */
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

    /** The date of the first treatment contact (attended, treatment or review). */
    public Optional<LocalDate> firstTreatment() {
        return attended.stream().filter(ContactRecord::isTreatmentContact).findFirst().map(ContactRecord::date);
    }

    /** The measure's score at the earliest attended contact where it was recorded. */
    public Optional<Score> first(MeasureCode measure) {
        return attended.stream().flatMap(c -> c.score(measure).stream()).findFirst();
    }

    /** The measure's score at the latest attended contact where it was recorded. */
    public Optional<Score> last(MeasureCode measure) {
        return attended.reversed().stream().flatMap(c -> c.score(measure).stream()).findFirst();
    }

    /** Whether the measure was recorded at two or more attended contacts. */
    public boolean paired(MeasureCode measure) {
        return attended.stream().filter(c -> c.score(measure).isPresent()).limit(2).count() == 2;
    }

    /**
     * The referral's anxiety measure: the problem descriptor's ADSM when it is paired on this
     * referral, otherwise GAD7 (clinical-reference.md §2).
     */
    public MeasureCode anxietyMeasure(MeasureCatalogue catalogue) {
        MeasureCode adsm = catalogue.anxietyMeasureFor(problemDescriptor);
        return paired(adsm) ? adsm : MeasureCode.GAD7;
    }
}
