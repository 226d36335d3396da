package org.stepwise.domain.outcome;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.Score;

/**
 * One contact as the clinical rules see it: no names, no notes. Built by the store from a
 * caseload and by the reader from an outcome file, so both are judged by the same rules.
 * {@code therapyType} is the SNOMED CT concept id of the therapy delivered, or null when none was
 * recorded (an outcome file of format 1 never carries it).
 */
public record ContactRecord(
        LocalDate date,
        ContactType type,
        Attendance attendance,
        Medium medium,
        int step,
        Integer minutes,
        List<Score> scores,
        String therapyType) {

    /** A contact with no therapy recorded. */
    public ContactRecord(LocalDate date, ContactType type, Attendance attendance, Medium medium, int step,
            Integer minutes, List<Score> scores) {
        this(date, type, attendance, medium, step, minutes, scores, null);
    }

    public ContactRecord {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(attendance, "attendance");
        Objects.requireNonNull(medium, "medium");
        scores = scores == null ? List.of() : List.copyOf(scores);
    }

    public boolean attended() {
        return attendance.attended();
    }

    /** An attended contact of type treatment, review or assessment-and-treatment (clinical-reference.md §3). */
    public boolean isTreatmentContact() {
        return attended() && type.isTreatment();
    }

    /** An attended contact of type assessment or assessment-and-treatment (clinical-reference.md §3). */
    public boolean isAssessmentContact() {
        return attended() && type.isAssessment();
    }

    public Optional<Score> score(MeasureCode measure) {
        return scores.stream().filter(s -> s.measure() == measure).findFirst();
    }
}
