package org.stepwise.ui.patient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.RiskReview;
import org.stepwise.domain.measure.Therapy;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.Score;
import org.stepwise.ui.common.DateInput;

/**
 * What a contact's history says in words: a version summed up ({@link #summary}), and what changed
 * from one version to the next ({@link #between}), one line per field, "before → after". Scores read
 * as the patient screen shows them ("14 moderate"); a note or a risk review note is said to have
 * changed, without its text.
 */
final class ContactDifferences {

    private static final String ARROW = " → ";

    private ContactDifferences() {
    }

    /** The lines of what changed from {@code before} to {@code after}; one line saying so when nothing did. */
    static List<String> between(Contact before, Contact after, MeasureCatalogue catalogue) {
        List<String> lines = new ArrayList<>();
        field(lines, "Date", before, after, contact -> DateInput.format(contact.date()));
        field(lines, "Type", before, after, contact -> contact.type().label());
        field(lines, "Medium", before, after, contact -> contact.medium().label());
        field(lines, "Attendance", before, after, contact -> contact.attendance().label());
        field(lines, "Step", before, after, contact -> "step " + contact.step());
        field(lines, "Minutes", before, after, contact -> contact.minutes() == null ? "none" : contact.minutes().toString());
        field(lines, "Therapy", before, after, contact -> therapy(contact, catalogue));
        Map<MeasureCode, Score> was = scores(before);
        Map<MeasureCode, Score> now = scores(after);
        for (MeasureCode code : catalogue.codes()) {
            Score old = was.get(code);
            Score fresh = now.get(code);
            if (Objects.equals(old, fresh) || sameAnswers(old, fresh)) {
                continue;
            }
            String name = catalogue.definition(code).name();
            String oldText = old == null ? "none" : ContactLine.describe(catalogue.definition(code), old);
            String newText = fresh == null ? "none" : ContactLine.describe(catalogue.definition(code), fresh);
            lines.add(oldText.equals(newText)
                    ? name + ": answers changed, total " + newText + " unchanged"
                    : name + ": " + oldText + ARROW + newText);
        }
        field(lines, "Risk review", before, after, ContactDifferences::risk);
        RiskReview oldReview = before.riskReview();
        RiskReview newReview = after.riskReview();
        if (oldReview != null && newReview != null && oldReview.level() == newReview.level()
                && !oldReview.note().equals(newReview.note())) {
            lines.add("Risk review note changed");
        }
        if (!Objects.equals(blankToNull(before.note()), blankToNull(after.note()))) {
            lines.add(before.note() == null || before.note().isBlank() ? "Note added"
                    : after.note() == null || after.note().isBlank() ? "Note removed" : "Note changed");
        }
        if (lines.isEmpty()) {
            lines.add("Saved again with nothing changed");
        }
        return lines;
    }

    /** A version in a few lines: when and how, the scores, the risk review. */
    static List<String> summary(Contact contact, MeasureCatalogue catalogue) {
        List<String> lines = new ArrayList<>();
        StringBuilder first = new StringBuilder(DateInput.format(contact.date()))
                .append(" · ").append(contact.type().label())
                .append(" · ").append(contact.medium().label())
                .append(" · ").append(contact.attendance().label())
                .append(" · step ").append(contact.step());
        if (contact.minutes() != null) {
            first.append(" · ").append(contact.minutes()).append(" min");
        }
        if (contact.therapyType() != null) {
            first.append(" · ").append(therapy(contact, catalogue));
        }
        lines.add(first.toString());
        if (!contact.scores().isEmpty()) {
            lines.add(contact.scores().stream()
                    .map(score -> catalogue.definition(score.measure()).name() + " "
                            + ContactLine.describe(catalogue.definition(score.measure()), score))
                    .collect(Collectors.joining(" · ")));
        }
        if (contact.riskReview() != null) {
            lines.add("Risk review: " + risk(contact));
        }
        return lines;
    }

    private static void field(List<String> lines, String label, Contact before, Contact after,
            Function<Contact, String> text) {
        String old = text.apply(before);
        String fresh = text.apply(after);
        if (!old.equals(fresh)) {
            lines.add(label + ": " + old + ARROW + fresh);
        }
    }

    /**
     * The same answers give the same score: a total that differs with them is one kept to fewer decimals
     * before the store kept MI's mean to 4 (a version kept before schema version 4), not a change.
     */
    private static boolean sameAnswers(Score old, Score fresh) {
        return old != null && fresh != null && old.items() != null && old.items().equals(fresh.items());
    }

    private static Map<MeasureCode, Score> scores(Contact contact) {
        return contact.scores().stream().collect(Collectors.toMap(Score::measure, Function.identity()));
    }

    private static String therapy(Contact contact, MeasureCatalogue catalogue) {
        return contact.therapyType() == null ? "none"
                : catalogue.therapy(contact.therapyType()).map(Therapy::shortLabel).orElse(contact.therapyType());
    }

    private static String risk(Contact contact) {
        return contact.riskReview() == null ? "none" : contact.riskReview().level().label();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
