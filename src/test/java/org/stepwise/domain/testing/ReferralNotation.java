package org.stepwise.domain.testing;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.ReferralRecord;

/**
 * Writes a referral in the compact notation that {@link Referrals} reads, so a generated case that
 * breaks a property can be pasted into a table-driven test. Medium, step and minutes are left out:
 * no clinical rule reads them.
 */
public final class ReferralNotation {

    private ReferralNotation() {
    }

    /** The referral as a call of {@link Referrals#referral(String, boolean, String, org.stepwise.domain.contact.RiskLevel)}. */
    public static String of(ReferralRecord referral) {
        String problem = referral.problemDescriptor() == null ? "null" : "\"" + referral.problemDescriptor() + "\"";
        String risk = referral.recordedRiskLevel() == null ? "null" : "RiskLevel." + referral.recordedRiskLevel().name();
        return "referral(" + problem + ", " + referral.ended() + ", \"" + contacts(referral) + "\", " + risk + ")";
    }

    /** Several referrals, one a line. */
    public static String of(List<ReferralRecord> referrals) {
        return referrals.stream().map(ReferralNotation::of).collect(Collectors.joining("\n"));
    }

    /** The contacts in recording order, for example {@code "A d7 PHQ9=15 GAD7=12; T d14 DNA"}. */
    public static String contacts(ReferralRecord referral) {
        return referral.contacts().stream()
                .map(c -> contact(referral, c))
                .collect(Collectors.joining("; "));
    }

    private static String contact(ReferralRecord referral, ContactRecord contact) {
        StringBuilder text = new StringBuilder()
                .append(type(contact.type()))
                .append(" d").append(ChronoUnit.DAYS.between(referral.referralDate(), contact.date()));
        switch (contact.attendance()) {
            case ATTENDED -> { }
            case DNA -> text.append(" DNA");
            case CANCELLED_BY_PATIENT -> text.append(" CBP");
            case CANCELLED_BY_SERVICE -> text.append(" CBS");
        }
        contact.scores().forEach(s -> text.append(' ').append(score(s)));
        return text.toString();
    }

    private static String type(ContactType type) {
        return switch (type) {
            case ASSESSMENT -> "A";
            case TREATMENT -> "T";
            case REVIEW -> "R";
            case ASSESSMENT_AND_TREATMENT -> "AT";
            case FOLLOW_UP -> "F";
        };
    }

    private static String score(Score score) {
        if (score.items() == null) {
            return score.measure() + "=" + score.total().toPlainString();
        }
        return score.measure() + ":" + score.items().stream()
                .map(item -> item == null ? "-" : item.toString())
                .collect(Collectors.joining(","));
    }
}
