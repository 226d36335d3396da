package org.stepwise.domain.flag;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.stepwise.domain.common.Dates;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.MeasureDefinition;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.outcome.ReferralTimeline;

/**
 * One referral's own facts behind a flag, in one sentence with dates (dd/MM/yyyy, {@link Dates#day}) and
 * values: "PHQ-9 item 9 = 2 on 03/12/2026; risk review moderate on 01/12/2026" where the rule in words
 * ({@link Flag#rule()}) says what raises it. The same sentence on the caseload, the patient screen, the
 * review and the pack.
 *
 * <p>Works on a {@link ReferralRecord} from either source: the store's (with the latest risk review's
 * level and date) or an outcome file's ({@code FileReferral.toRecord()}, {@code ReviewedReferral.record()}),
 * which carries no risk review: a fact the referral does not carry is left out, never invented. Only
 * ASCII and the characters of the pack's font are used. The facts are written for a flag the referral
 * has (from {@link FlagEvaluator} or {@link AboveExpectedRange}); for a flag it does not have, the
 * sentence still states the same values, which then do not meet the rule.
 *
 * <p>{@link Flag#ABOVE_EXPECTED_RANGE}: {@link #of} gives the latest PHQ-9 and anxiety scores with the
 * treatment session they were recorded at; where the app holds the {@link AboveExpectedRange.Finding},
 * its {@link AboveExpectedRange.Finding#facts()} adds the expected range compared with, and
 * {@link #of(AboveExpectedRange.Finding, ReferralRecord)} returns that. Pure, thread-safe.
 */
public final class FlagFacts {

    /** A flag with this referral's facts: what a badge, a panel or a line of the pack's index shows. */
    public record Fact(Flag flag, String facts) {
        public Fact {
            Objects.requireNonNull(flag, "flag");
            Objects.requireNonNull(facts, "facts");
        }

        public String label() {
            return flag.label();
        }

        public FlagColour colour() {
            return flag.colour();
        }

        public String rule() {
            return flag.rule();
        }
    }

    /** The wait is 6 weeks (clinical-reference.md §5) on the referral date plus this many days. */
    private static final int SIX_WEEKS = 42;

    private final MeasureCatalogue catalogue;

    public FlagFacts(MeasureCatalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    }

    /** The facts of each of {@code flags} for this referral, gravest first. */
    public List<Fact> all(ReferralRecord referral, Collection<Flag> flags, LocalDate today) {
        return flags.stream().sorted(Flag.GRAVEST_FIRST).distinct()
                .map(flag -> new Fact(flag, of(flag, referral, today))).toList();
    }

    /** The expected-range flag with the finding's words (which name the range compared with). */
    public Fact of(AboveExpectedRange.Finding finding, ReferralRecord referral) {
        Objects.requireNonNull(referral, "referral");
        return new Fact(Flag.ABOVE_EXPECTED_RANGE, finding.facts());
    }

    /** This referral's facts behind {@code flag} on the review date {@code today}. */
    public String of(Flag flag, ReferralRecord referral, LocalDate today) {
        Objects.requireNonNull(flag, "flag");
        Objects.requireNonNull(referral, "referral");
        Objects.requireNonNull(today, "today");
        ReferralTimeline timeline = ReferralTimeline.of(referral);
        List<String> parts = switch (flag) {
            case RISK -> risk(referral, timeline);
            case ENDED_AT_RISK -> endedAtRisk(referral, timeline, today);
            case RELIABLE_DETERIORATION -> deterioration(timeline);
            case NOT_ON_TRACK -> notOnTrack(timeline);
            case ABOVE_EXPECTED_RANGE -> latestScores(timeline);
            case REPEATED_DNA -> repeatedDna(referral, timeline);
            case NO_CONTACT_4_WEEKS -> noContact(timeline, today);
            case WAITING_OVER_6_WEEKS, WAIT_NEARING_6_WEEKS -> waiting(referral, timeline, today);
            case NO_RECENT_MEASURE -> noRecentMeasure(timeline);
            case ADSM_NOT_USED -> adsmNotUsed(timeline);
        };
        return String.join("; ", parts);
    }

    private List<String> risk(ReferralRecord referral, ReferralTimeline timeline) {
        List<String> parts = new ArrayList<>();
        MeasureDefinition phq9 = catalogue.definition(MeasureCode.PHQ9);
        Optional<ReferralTimeline.Dated> withItems = timeline.lastWithItems(MeasureCode.PHQ9);
        int item = phq9.riskItem().map(r -> r.item()).orElse(9);
        if (withItems.isPresent()) {
            List<Integer> items = withItems.get().score().items();
            Integer answer = items.size() >= item ? items.get(item - 1) : null;
            parts.add(phq9.name() + " item " + item + " = " + (answer == null ? "unanswered" : answer)
                    + " on " + Dates.day(withItems.get().date()));
            dated(timeline, MeasureCode.PHQ9).stream()
                    .filter(d -> d.date().isAfter(withItems.get().date()) && d.score().items() == null)
                    .reduce((one, other) -> other)
                    .ifPresent(later -> parts.add("a later " + phq9.name() + " on " + Dates.day(later.date())
                            + " was recorded as a total only"));
        } else {
            parts.add("no " + phq9.name() + " with item answers");
        }
        if (referral.recordedRiskLevel() != null) {
            parts.add("risk review " + referral.recordedRiskLevel().code()
                    + (referral.recordedRiskDate() == null ? "" : " on " + Dates.day(referral.recordedRiskDate())));
        }
        return parts;
    }

    private List<String> endedAtRisk(ReferralRecord referral, ReferralTimeline timeline, LocalDate today) {
        List<String> parts = new ArrayList<>();
        if (referral.endDate() != null) {
            parts.add("ended " + Dates.day(referral.endDate()) + ", " + days(referral.endDate(), today) + " ago");
        }
        parts.addAll(risk(referral, timeline));
        return capitalised(parts);
    }

    private List<String> deterioration(ReferralTimeline timeline) {
        List<String> parts = new ArrayList<>();
        for (MeasureDefinition measure : measures(timeline)) {
            List<ReferralTimeline.Dated> scores = dated(timeline, measure.code());
            if (scores.size() < 2) {
                continue;
            }
            ReferralTimeline.Dated first = scores.getFirst();
            ReferralTimeline.Dated last = scores.getLast();
            if (measure.reliableIncrease(measure.value(first.score()), measure.value(last.score()))) {
                parts.add(measure.name() + " " + scoreOn(measure, first) + " to " + scoreOn(measure, last)
                        + " (up " + measure.display(measure.value(last.score()).subtract(measure.value(first.score())))
                        + "; reliable change " + measure.reliableChange().map(this::plain).orElse("") + ")");
            }
        }
        if (parts.isEmpty()) {
            parts.add("no measure has risen by its reliable change");
        }
        return parts;
    }

    private List<String> notOnTrack(ReferralTimeline timeline) {
        List<String> parts = new ArrayList<>();
        parts.add(sessions(timeline.treatmentContacts()));
        for (MeasureDefinition measure : measures(timeline)) {
            List<ReferralTimeline.Dated> scores = dated(timeline, measure.code());
            if (scores.isEmpty()) {
                continue;
            }
            String caseness = measure.caseness()
                    .map(c -> " (caseness " + (measure.casenessStrict() ? "above " : "") + plain(c) + ")").orElse("");
            parts.add(measure.name() + " first " + scoreOn(measure, scores.getFirst()) + ", latest "
                    + scoreOn(measure, scores.getLast()) + caseness);
        }
        return parts;
    }

    private List<String> latestScores(ReferralTimeline timeline) {
        List<String> parts = new ArrayList<>();
        for (MeasureDefinition measure : measures(timeline)) {
            int treatment = 0;
            String latest = null;
            for (ContactRecord contact : timeline.attendedContacts()) {
                if (contact.isTreatmentContact()) {
                    treatment++;
                }
                Optional<Score> score = contact.score(measure.code());
                if (score.isPresent()) {
                    latest = measure.name() + " " + measure.display(measure.value(score.get())) + " on "
                            + Dates.day(contact.date())
                            + (contact.isTreatmentContact() ? " at treatment session " + treatment : "");
                }
            }
            if (latest != null) {
                parts.add(latest);
            }
        }
        if (parts.isEmpty()) {
            parts.add("no score yet");
        }
        return parts;
    }

    private static List<String> repeatedDna(ReferralRecord referral, ReferralTimeline timeline) {
        List<ContactRecord> notCancelled = referral.contacts().stream()
                .sorted(Comparator.comparing(ContactRecord::date))
                .filter(c -> c.attendance() == Attendance.ATTENDED || c.attendance() == Attendance.DNA)
                .toList();
        List<LocalDate> dnas = new ArrayList<>();
        for (ContactRecord contact : notCancelled.reversed()) {
            if (contact.attendance() != Attendance.DNA) {
                break;
            }
            dnas.addFirst(contact.date());
        }
        List<String> parts = new ArrayList<>();
        if (dnas.isEmpty()) {
            parts.add("No missed appointment since the latest attended contact");
        } else {
            parts.add("Did not attend on " + joined(dnas.stream().map(Dates::day).toList()));
        }
        timeline.latestAttended().ifPresentOrElse(
                c -> parts.add("last attended " + Dates.day(c.date())),
                () -> parts.add("no contact attended yet"));
        return parts;
    }

    private static List<String> noContact(ReferralTimeline timeline, LocalDate today) {
        List<String> parts = new ArrayList<>();
        timeline.latestAttended().ifPresent(c -> parts.add("Last attended " + Dates.day(c.date()) + ", "
                + days(c.date(), today) + " ago"));
        parts.add(sessions(timeline.treatmentContacts()));
        return parts;
    }

    private static List<String> waiting(ReferralRecord referral, ReferralTimeline timeline, LocalDate today) {
        List<String> parts = new ArrayList<>();
        LocalDate sixWeeks = referral.referralDate().plusDays(SIX_WEEKS);
        parts.add("Referred " + Dates.day(referral.referralDate()) + ", " + days(referral.referralDate(), today)
                + " ago");
        if (timeline.treatmentContacts() == 0) {
            parts.add(today.isAfter(sixWeeks)
                    ? "no treatment session yet (6 weeks passed on " + Dates.day(sixWeeks) + ")"
                    : "no treatment session yet; 6 weeks on " + Dates.day(sixWeeks));
        } else {
            timeline.firstTreatment().ifPresent(d -> parts.add("first treatment session " + Dates.day(d)));
        }
        timeline.firstAssessment().ifPresent(d -> parts.add("assessed " + Dates.day(d)));
        return parts;
    }

    private List<String> noRecentMeasure(ReferralTimeline timeline) {
        Optional<ContactRecord> latest = timeline.latestAttended();
        if (latest.isEmpty()) {
            return List.of("No contact attended yet");
        }
        ContactRecord contact = latest.get();
        List<MeasureCode> anxiety = new ArrayList<>(List.of(MeasureCode.GAD7));
        catalogue.anxietyMeasuresFor(timeline.problemDescriptor()).stream().filter(c -> !anxiety.contains(c))
                .forEach(anxiety::add);
        List<String> missing = new ArrayList<>();
        if (contact.score(MeasureCode.PHQ9).isEmpty()) {
            missing.add("no " + catalogue.definition(MeasureCode.PHQ9).name());
        }
        if (anxiety.stream().noneMatch(code -> contact.score(code).isPresent())) {
            List<String> names = anxiety.stream().map(code -> catalogue.definition(code).name()).toList();
            missing.add(names.size() == 1 ? "no " + names.getFirst() : "neither " + String.join(" nor ", names));
        }
        String recorded = contact.scores().isEmpty() ? "no scores"
                : String.join(", ", contact.scores().stream().map(this::score).toList());
        return List.of("Latest attended contact " + Dates.day(contact.date()) + " (" + contact.type().label().toLowerCase(
                Locale.UK) + "): " + recorded + (missing.isEmpty() ? "" : "; " + String.join(", ", missing)));
    }

    private List<String> adsmNotUsed(ReferralTimeline timeline) {
        List<MeasureCode> adsms = catalogue.anxietyMeasuresFor(timeline.problemDescriptor());
        List<String> parts = new ArrayList<>();
        parts.add("Problem " + catalogue.problemLabel(timeline.problemDescriptor()));
        for (MeasureCode code : adsms) {
            long recorded = timeline.attendedContacts().stream().filter(c -> c.score(code).isPresent()).count();
            parts.add(catalogue.definition(code).name() + " recorded at " + recorded + " attended contact"
                    + (recorded == 1 ? "" : "s") + " (2 needed)");
        }
        parts.add(sessions(timeline.treatmentContacts()));
        return parts;
    }

    /** PHQ-9, then the referral's anxiety measure (clinical-reference.md §2). */
    private List<MeasureDefinition> measures(ReferralTimeline timeline) {
        MeasureCode anxiety = timeline.anxietyMeasure(catalogue);
        return anxiety == MeasureCode.PHQ9 ? List.of(catalogue.definition(MeasureCode.PHQ9))
                : List.of(catalogue.definition(MeasureCode.PHQ9), catalogue.definition(anxiety));
    }

    /** The measure's scores at attended contacts, in clinical order, each with its date. */
    private static List<ReferralTimeline.Dated> dated(ReferralTimeline timeline, MeasureCode measure) {
        List<ReferralTimeline.Dated> scores = new ArrayList<>();
        for (ContactRecord contact : timeline.attendedContacts()) {
            contact.score(measure).ifPresent(s -> scores.add(new ReferralTimeline.Dated(contact.date(), s)));
        }
        return scores;
    }

    private static String scoreOn(MeasureDefinition measure, ReferralTimeline.Dated dated) {
        return measure.display(measure.value(dated.score())) + " on " + Dates.day(dated.date());
    }

    private String score(Score score) {
        MeasureDefinition measure = catalogue.definition(score.measure());
        return measure.name() + " " + measure.display(measure.value(score));
    }

    private String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String sessions(int treatmentContacts) {
        return treatmentContacts + " treatment session" + (treatmentContacts == 1 ? "" : "s");
    }

    private static String days(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        return days + (days == 1 ? " day" : " days");
    }

    private static String joined(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }

    private static List<String> capitalised(List<String> parts) {
        if (parts.isEmpty()) {
            return parts;
        }
        List<String> copy = new ArrayList<>(parts);
        String first = copy.getFirst();
        copy.set(0, Character.toUpperCase(first.charAt(0)) + first.substring(1));
        return copy;
    }
}
