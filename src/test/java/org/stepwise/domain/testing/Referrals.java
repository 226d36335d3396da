package org.stepwise.domain.testing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.contact.RiskLevel;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.ReferralRecord;

/**
 * Referrals for tests, written compactly: contacts separated by ";", each
 * {@code TYPE dDAYS [ATTENDANCE] [SCORE ...]} where TYPE is A (assessment), T (treatment),
 * R (review), AT (assessment and treatment) or F (follow-up); DAYS counts from the referral date; ATTENDANCE is DNA, CBP or CBS
 * (attended when absent); a score is {@code PHQ9=12} (a total) or {@code PHQ9:0,1,2,...} (items, where
 * {@code 4x-} stands for four unanswered items and {@code 7x3} for seven answered 3; scored by the bundled
 * catalogue). Example: {@code "A d7 PHQ9=15 GAD7=12; T d14 PHQ9=9 GAD7=6"}.
 */
public final class Referrals {

    public static final LocalDate REFERRAL_DATE = LocalDate.of(2026, 1, 5);
    public static final LocalDate END_DATE = REFERRAL_DATE.plusDays(300);

    private Referrals() {
    }

    public static ReferralRecord referral(String problem, boolean ended, String contacts) {
        return referral(problem, ended, contacts, null);
    }

    public static ReferralRecord referral(String problem, boolean ended, String contacts, RiskLevel risk) {
        return new ReferralRecord("r1", REFERRAL_DATE, ended ? END_DATE : null, null, problem, contacts(contacts), risk);
    }

    public static List<ContactRecord> contacts(String text) {
        List<ContactRecord> contacts = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return contacts;
        }
        for (String spec : text.split(";")) {
            contacts.add(contact(spec.strip()));
        }
        return contacts;
    }

    public static ContactRecord contact(String spec) {
        String[] tokens = spec.split("\\s+");
        ContactType type = switch (tokens[0]) {
            case "A" -> ContactType.ASSESSMENT;
            case "T" -> ContactType.TREATMENT;
            case "R" -> ContactType.REVIEW;
            case "AT" -> ContactType.ASSESSMENT_AND_TREATMENT;
            case "F" -> ContactType.FOLLOW_UP;
            default -> throw new IllegalArgumentException("contact type " + tokens[0]);
        };
        LocalDate date = REFERRAL_DATE.plusDays(Integer.parseInt(tokens[1].substring(1)));
        Attendance attendance = Attendance.ATTENDED;
        List<Score> scores = new ArrayList<>();
        for (int i = 2; i < tokens.length; i++) {
            String t = tokens[i];
            switch (t) {
                case "DNA" -> attendance = Attendance.DNA;
                case "CBP" -> attendance = Attendance.CANCELLED_BY_PATIENT;
                case "CBS" -> attendance = Attendance.CANCELLED_BY_SERVICE;
                default -> scores.add(score(t));
            }
        }
        return new ContactRecord(date, type, attendance, Medium.TELEPHONE, 2, 30, scores);
    }

    private static Score score(String token) {
        if (token.contains("=")) {
            String[] parts = token.split("=");
            return new Score(MeasureCode.of(parts[0]), new BigDecimal(parts[1]), null);
        }
        String[] parts = token.split(":");
        List<Integer> items = new ArrayList<>();
        for (String item : parts[1].split(",")) {
            // "4x-" is four unanswered items, "7x3" seven items answered 3.
            int times = item.contains("x") ? Integer.parseInt(item.substring(0, item.indexOf('x'))) : 1;
            String value = item.contains("x") ? item.substring(item.indexOf('x') + 1) : item;
            for (int i = 0; i < times; i++) {
                items.add(value.equals("-") ? null : Integer.valueOf(value));
            }
        }
        return MeasureCatalogue.standard().definition(MeasureCode.of(parts[0])).score(items);
    }
}
