package org.stepwise.ui.patient;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.measure.Therapy;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.MeasureDefinition;
import org.stepwise.domain.measure.Score;
import org.stepwise.ui.common.DateInput;

/**
 * One contact as the patient screen lists it: every column as the text to show, and the contact
 * itself for editing and deleting. Scores read "14 moderate" (total and severity band, from the
 * measure catalogue); the anxiety column holds GAD-7 and any anxiety disorder specific measure.
 */
public record ContactLine(
        Contact contact,
        String date,
        String type,
        String medium,
        String attendance,
        String minutes,
        String therapy,
        String phq9,
        String anxiety,
        String wsas,
        String risk) {

    private static final List<MeasureCode> ANXIETY = List.of(MeasureCode.GAD7, MeasureCode.SPIN, MeasureCode.PDSS,
            MeasureCode.MI, MeasureCode.OCIR, MeasureCode.PCL5, MeasureCode.HAI);

    static ContactLine of(Contact contact, MeasureCatalogue catalogue) {
        String anxiety = ANXIETY.stream()
                .flatMap(code -> score(contact, code).stream()
                        .map(score -> catalogue.definition(code).name() + " " + describe(catalogue.definition(code), score)))
                .collect(Collectors.joining("; "));
        return new ContactLine(contact,
                DateInput.format(contact.date()),
                contact.type().label(),
                contact.medium().label(),
                contact.attendance().label(),
                contact.minutes() == null ? "" : contact.minutes().toString(),
                contact.therapyType() == null ? ""
                        : catalogue.therapy(contact.therapyType()).map(Therapy::shortLabel).orElse(contact.therapyType()),
                score(contact, MeasureCode.PHQ9).map(s -> describe(catalogue.definition(MeasureCode.PHQ9), s)).orElse(""),
                anxiety,
                score(contact, MeasureCode.WSAS).map(s -> describe(catalogue.definition(MeasureCode.WSAS), s)).orElse(""),
                contact.riskReview() == null ? "" : "⚠ " + contact.riskReview().level().label());
    }

    @Override
    public String toString() {
        return "ContactLine[" + contact + "]";
    }

    private static Optional<Score> score(Contact contact, MeasureCode code) {
        return contact.scores().stream().filter(score -> score.measure() == code).findFirst();
    }

    /** "14 moderate": the total with the measure's decimals and its severity band where it has bands. */
    static String describe(MeasureDefinition definition, Score score) {
        BigDecimal total = score.total();
        String number = total.setScale(definition.decimals(), RoundingMode.HALF_UP).toPlainString();
        return definition.band(total).map(band -> number + " " + band.label()).orElse(number);
    }
}
