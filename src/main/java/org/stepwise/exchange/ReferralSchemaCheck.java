package org.stepwise.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fast, hand-written check of one referral against the referral definition of an outcome file
 * format's schema ({@code $defs/referral} of {@code export-1.schema.json} or
 * {@code export-2.schema.json}), run on each referral as it is read. It is exact only about
 * acceptance: it never accepts a referral the schema refuses, and when it finds any fault the caller
 * asks the schema validator, which stays the contract and the reference and gives the refusal reason
 * and its wording. It may refuse a little more than the schema does (a whole number written as
 * {@code 2.0}, a date followed by a line break, a number too large for a double): those referrals
 * simply go to the validator. It reads the same JSON tree as the validator, so duplicate members and
 * number conversions are seen alike.
 *
 * <p>Every constraint of format 1's referral definition, member by member, as checked here:
 * <ul>
 * <li>referral: an object; no member beyond those listed; all twelve required: {@code pseudonym}
 * (string, {@code ^r_[0-9a-f]{16}$}), {@code patientPseudonym} (string, {@code ^n_[0-9a-f]{16}$}),
 * {@code ageBand} (one of 16-17, 18-25, 26-35, 36-45, 46-55, 56-64, 65-74, 75+), {@code gender}
 * (female, male, non-binary, other, not-stated), {@code ethnicity} (A B C D E F G H J K L M N P R S
 * Z), {@code referralDate} (date), {@code source} (self, gp, other-primary-care, secondary-care,
 * voluntary-sector, employer, other), {@code problemDescriptor} (string,
 * {@code ^F[0-9]{2}(\.[0-9]{1,2})?$}), {@code endDate} (date or null), {@code endReason} (completed,
 * dropped-out, declined, not-suitable, referred-on, deceased, other, or null), {@code contacts}
 * (array of contacts, any length), {@code outcome} (outcome);</li>
 * <li>if/then/else: {@code endDate} null ⇒ {@code endReason} null; otherwise {@code endReason} a
 * string;</li>
 * <li>date ({@code $defs/date}): string, {@code ^\d{4}-\d{2}-\d{2}$};</li>
 * <li>contact: an object; no member beyond those listed; all seven required: {@code date} (date),
 * {@code type} (assessment, treatment, review, follow-up), {@code attendance} (attended, dna,
 * cancelled-by-patient, cancelled-by-service), {@code medium} (face-to-face, telephone, video,
 * digital, group), {@code step} (2 or 3), {@code minutes} (integer 0..600 or null), {@code scores}
 * (array of scores, any length);</li>
 * <li>score: an object; no member beyond those listed; all three required: {@code measure} (PHQ9,
 * GAD7, WSAS, PHOBIA_SOCIAL, PHOBIA_AGORA, PHOBIA_SPECIFIC, SPIN, PDSS, MI, OCIR, PCL5, HAI),
 * {@code total} (number 0..80), {@code items} (null, or an array of 1 to 27 elements, each an integer
 * 0..8 or null);</li>
 * <li>outcome: an object; no member beyond those listed; all thirteen required:
 * {@code treatmentContacts} (integer ≥ 0), {@code finishedTreatment} (boolean),
 * {@code depressionMeasure} (the constant PHQ9), {@code anxietyMeasure} (GAD7, SPIN, PDSS, MI, OCIR,
 * PCL5, HAI), {@code firstScores} and {@code lastScores} (score map), {@code atCaseness},
 * {@code recovered}, {@code reliableImprovement}, {@code reliableDeterioration},
 * {@code reliableRecovery} (boolean or null), {@code daysReferralToAssessment},
 * {@code daysReferralToFirstTreatment} (integer or null, any sign);</li>
 * <li>score map ({@code $defs/scoreMap}): an object of exactly two members, {@code PHQ9} required,
 * the other one of GAD7, SPIN, PDSS, MI, OCIR, PCL5, HAI; each value a number 0..80 or null.</li>
 * </ul>
 *
 * <p>Format 2's referral definition is format 1's with these differences, checked here too:
 * <ul>
 * <li>referral: fifteen members, all required: also {@code employmentAtStart} and
 * {@code employmentAtEnd} (01, 02, 03, 04, 05, 06, 07, 08, ZZ or null) and {@code employmentSupport}
 * (boolean); the if/then also makes {@code employmentAtEnd} null when {@code endDate} is null;</li>
 * <li>contact: eight members, all required: also {@code therapyType} (string {@code ^[0-9]{6,18}$}
 * or null); {@code type} may also be assessment-and-treatment;</li>
 * <li>measure ({@code $defs/measure}, of a score, of {@code anxietyMeasure} and every name in a score
 * map): a string {@code ^[A-Z][A-Z0-9_]{0,23}$}, not a list;</li>
 * <li>score: {@code total} any number; {@code items} null or an array of at least one element, each
 * an integer (no bounds) or null;</li>
 * <li>score map: an object of exactly two members, {@code PHQ9} required, each name a measure, each
 * value a number or null.</li>
 * </ul>
 *
 * <p>A change to a schema file needs this class changed with it: {@code ReferralSchemaCheckTest}
 * pins both schemas' digests and fails, saying so, until both are updated.
 *
 * <p>Long because: this opening comment lists every constraint of the schema's referral definition member
 * by member (about 60 lines), which is what makes the hand-written check reviewable against the
 * schema; the code itself is a set of small predicates.
 */
final class ReferralSchemaCheck {

    private static final Set<String> REFERRAL_MEMBERS = Set.of("pseudonym", "patientPseudonym", "ageBand", "gender",
            "ethnicity", "referralDate", "source", "problemDescriptor", "endDate", "endReason", "contacts", "outcome");
    private static final Set<String> REFERRAL_MEMBERS_2 = union(REFERRAL_MEMBERS, "employmentAtStart",
            "employmentAtEnd", "employmentSupport");
    private static final Set<String> AGE_BANDS = Set.of("16-17", "18-25", "26-35", "36-45", "46-55", "56-64",
            "65-74", "75+");
    private static final Set<String> GENDERS = Set.of("female", "male", "non-binary", "other", "not-stated");
    private static final Set<String> ETHNICITIES = Set.of("A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M",
            "N", "P", "R", "S", "Z");
    private static final Set<String> SOURCES = Set.of("self", "gp", "other-primary-care", "secondary-care",
            "voluntary-sector", "employer", "other");
    private static final Set<String> END_REASONS = Set.of("completed", "dropped-out", "declined", "not-suitable",
            "referred-on", "deceased", "other");
    private static final Set<String> EMPLOYMENT = Set.of("01", "02", "03", "04", "05", "06", "07", "08", "ZZ");

    private static final Set<String> CONTACT_MEMBERS = Set.of("date", "type", "attendance", "medium", "step",
            "minutes", "scores");
    private static final Set<String> CONTACT_MEMBERS_2 = union(CONTACT_MEMBERS, "therapyType");
    private static final Set<String> CONTACT_TYPES = Set.of("assessment", "treatment", "review", "follow-up");
    private static final Set<String> CONTACT_TYPES_2 = union(CONTACT_TYPES, "assessment-and-treatment");
    private static final Set<String> ATTENDANCES = Set.of("attended", "dna", "cancelled-by-patient",
            "cancelled-by-service");
    private static final Set<String> MEDIA = Set.of("face-to-face", "telephone", "video", "digital", "group");
    private static final int MAXIMUM_MINUTES = 600;

    private static final Set<String> SCORE_MEMBERS = Set.of("measure", "total", "items");
    private static final Set<String> MEASURES = Set.of("PHQ9", "GAD7", "WSAS", "PHOBIA_SOCIAL", "PHOBIA_AGORA",
            "PHOBIA_SPECIFIC", "SPIN", "PDSS", "MI", "OCIR", "PCL5", "HAI");
    private static final int MAXIMUM_TOTAL = 80;
    private static final int MINIMUM_ITEMS = 1;
    private static final int MAXIMUM_ITEMS = 27;
    private static final int MAXIMUM_ITEM = 8;
    private static final int MAXIMUM_MEASURE_LENGTH = 24;

    private static final Set<String> OUTCOME_MEMBERS = Set.of("treatmentContacts", "finishedTreatment",
            "depressionMeasure", "anxietyMeasure", "firstScores", "lastScores", "atCaseness", "recovered",
            "reliableImprovement", "reliableDeterioration", "reliableRecovery", "daysReferralToAssessment",
            "daysReferralToFirstTreatment");
    private static final Set<String> ANXIETY_MEASURES = Set.of("GAD7", "SPIN", "PDSS", "MI", "OCIR", "PCL5", "HAI");
    private static final Set<String> OPTIONAL_BOOLEANS = Set.of("atCaseness", "recovered", "reliableImprovement",
            "reliableDeterioration", "reliableRecovery");

    private ReferralSchemaCheck() {
    }

    private static Set<String> union(Set<String> base, String... more) {
        Set<String> all = new java.util.HashSet<>(base);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    /**
     * True only if the referral conforms to the referral definition of format {@code version}'s schema
     * (1 or 2); false on any doubt.
     */
    static boolean accepts(JsonNode referral, int version) {
        boolean two = version == 2;
        if (!exactMembers(referral, two ? REFERRAL_MEMBERS_2 : REFERRAL_MEMBERS)) {
            return false;
        }
        JsonNode endDate = referral.get("endDate");
        JsonNode endReason = referral.get("endReason");
        boolean ended = !endDate.isNull();
        return hexPseudonym(referral.get("pseudonym"), 'r')
                && hexPseudonym(referral.get("patientPseudonym"), 'n')
                && oneOf(referral.get("ageBand"), AGE_BANDS)
                && oneOf(referral.get("gender"), GENDERS)
                && oneOf(referral.get("ethnicity"), ETHNICITIES)
                && date(referral.get("referralDate"))
                && oneOf(referral.get("source"), SOURCES)
                && problemDescriptor(referral.get("problemDescriptor"))
                && (!ended || date(endDate))
                && (ended ? oneOf(endReason, END_REASONS) : endReason.isNull())
                && (!two || employment(referral, ended))
                && contacts(referral.get("contacts"), two)
                && outcome(referral.get("outcome"), two);
    }

    /** Format 2: the employment statuses (the end one null while open) and the support flag. */
    private static boolean employment(JsonNode referral, boolean ended) {
        JsonNode atStart = referral.get("employmentAtStart");
        JsonNode atEnd = referral.get("employmentAtEnd");
        return (atStart.isNull() || oneOf(atStart, EMPLOYMENT))
                && (atEnd.isNull() || ended && oneOf(atEnd, EMPLOYMENT))
                && referral.get("employmentSupport").isBoolean();
    }

    private static boolean contacts(JsonNode contacts, boolean two) {
        if (!contacts.isArray()) {
            return false;
        }
        for (JsonNode contact : contacts) {
            if (!contact(contact, two)) {
                return false;
            }
        }
        return true;
    }

    private static boolean contact(JsonNode contact, boolean two) {
        if (!exactMembers(contact, two ? CONTACT_MEMBERS_2 : CONTACT_MEMBERS)) {
            return false;
        }
        JsonNode step = contact.get("step");
        JsonNode minutes = contact.get("minutes");
        JsonNode scores = contact.get("scores");
        if (!date(contact.get("date"))
                || !oneOf(contact.get("type"), two ? CONTACT_TYPES_2 : CONTACT_TYPES)
                || !oneOf(contact.get("attendance"), ATTENDANCES)
                || !oneOf(contact.get("medium"), MEDIA)
                || !(integerIn(step, 2, 3))
                || !(minutes.isNull() || integerIn(minutes, 0, MAXIMUM_MINUTES))
                || two && !therapyType(contact.get("therapyType"))
                || !scores.isArray()) {
            return false;
        }
        for (JsonNode score : scores) {
            if (!(two ? score2(score) : score(score))) {
                return false;
            }
        }
        return true;
    }

    private static boolean score(JsonNode score) {
        if (!exactMembers(score, SCORE_MEMBERS)
                || !oneOf(score.get("measure"), MEASURES)
                || !total(score.get("total"))) {
            return false;
        }
        JsonNode items = score.get("items");
        if (items.isNull()) {
            return true;
        }
        if (!items.isArray() || items.size() < MINIMUM_ITEMS || items.size() > MAXIMUM_ITEMS) {
            return false;
        }
        for (JsonNode item : items) {
            if (!item.isNull() && !integerIn(item, 0, MAXIMUM_ITEM)) {
                return false;
            }
        }
        return true;
    }

    /** Format 2: a measure of the code's form, any number, any whole item responses. */
    private static boolean score2(JsonNode score) {
        if (!exactMembers(score, SCORE_MEMBERS)
                || !measure(score.get("measure"))
                || !anyNumber(score.get("total"))) {
            return false;
        }
        JsonNode items = score.get("items");
        if (items.isNull()) {
            return true;
        }
        if (!items.isArray() || items.size() < MINIMUM_ITEMS) {
            return false;
        }
        for (JsonNode item : items) {
            if (!item.isNull() && !item.isInt() && !item.isLong()) {
                return false;
            }
        }
        return true;
    }

    private static boolean outcome(JsonNode outcome, boolean two) {
        if (!exactMembers(outcome, OUTCOME_MEMBERS)) {
            return false;
        }
        for (String name : OPTIONAL_BOOLEANS) {
            JsonNode value = outcome.get(name);
            if (!value.isNull() && !value.isBoolean()) {
                return false;
            }
        }
        return integerIn(outcome.get("treatmentContacts"), 0, Long.MAX_VALUE)
                && outcome.get("finishedTreatment").isBoolean()
                && "PHQ9".equals(outcome.get("depressionMeasure").textValue())
                && (two ? measure(outcome.get("anxietyMeasure")) : oneOf(outcome.get("anxietyMeasure"), ANXIETY_MEASURES))
                && scoreMap(outcome.get("firstScores"), two)
                && scoreMap(outcome.get("lastScores"), two)
                && optionalInteger(outcome.get("daysReferralToAssessment"))
                && optionalInteger(outcome.get("daysReferralToFirstTreatment"));
    }

    private static boolean scoreMap(JsonNode map, boolean two) {
        if (!map.isObject() || map.size() != 2 || !map.has("PHQ9")) {
            return false;
        }
        for (Map.Entry<String, JsonNode> member : map.properties()) {
            if (two ? !measureText(member.getKey())
                    : !member.getKey().equals("PHQ9") && !ANXIETY_MEASURES.contains(member.getKey())) {
                return false;
            }
            if (!member.getValue().isNull() && !(two ? anyNumber(member.getValue()) : total(member.getValue()))) {
                return false;
            }
        }
        return true;
    }

    /** An object holding exactly the given members (all required, none other). */
    private static boolean exactMembers(JsonNode node, Set<String> members) {
        if (!node.isObject() || node.size() != members.size()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            if (!members.contains(member.getKey())) {
                return false;
            }
        }
        return true;
    }

    private static boolean oneOf(JsonNode node, Set<String> values) {
        return node.isTextual() && values.contains(node.textValue());
    }

    /** A whole number held as one (int or long), within the bounds; a {@code 2.0} is left to the validator. */
    private static boolean integerIn(JsonNode node, long minimum, long maximum) {
        if (!node.isInt() && !node.isLong()) {
            return false;
        }
        long value = node.longValue();
        return value >= minimum && value <= maximum;
    }

    private static boolean optionalInteger(JsonNode node) {
        return node.isNull() || node.isInt() || node.isLong();
    }

    /** A number from 0 to 80: a whole number, or a finite double. */
    private static boolean total(JsonNode node) {
        if (node.isInt() || node.isLong()) {
            return integerIn(node, 0, MAXIMUM_TOTAL);
        }
        if (!node.isDouble()) {
            return false;
        }
        double value = node.doubleValue();
        return Double.isFinite(value) && value >= 0 && value <= MAXIMUM_TOTAL;
    }

    /** {@code ^\d{4}-\d{2}-\d{2}$}, ASCII digits, nothing after. */
    private static boolean date(JsonNode node) {
        if (!node.isTextual()) {
            return false;
        }
        String text = node.textValue();
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (i != 4 && i != 7 && !digit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@code ^<letter>_[0-9a-f]{16}$}. */
    private static boolean hexPseudonym(JsonNode node, char letter) {
        if (!node.isTextual()) {
            return false;
        }
        String text = node.textValue();
        if (text.length() != 18 || text.charAt(0) != letter || text.charAt(1) != '_') {
            return false;
        }
        for (int i = 2; i < 18; i++) {
            char c = text.charAt(i);
            if (!digit(c) && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    /** {@code ^F[0-9]{2}(\.[0-9]{1,2})?$}: F32, F41.1, F43.10. */
    private static boolean problemDescriptor(JsonNode node) {
        if (!node.isTextual()) {
            return false;
        }
        String text = node.textValue();
        int length = text.length();
        if (length != 3 && length != 5 && length != 6) {
            return false;
        }
        if (text.charAt(0) != 'F' || !digit(text.charAt(1)) || !digit(text.charAt(2))) {
            return false;
        }
        if (length == 3) {
            return true;
        }
        return text.charAt(3) == '.' && digit(text.charAt(4)) && (length == 5 || digit(text.charAt(5)));
    }

    /** Format 2: {@code ^[A-Z][A-Z0-9_]{0,23}$}, nothing after. */
    private static boolean measure(JsonNode node) {
        return node.isTextual() && measureText(node.textValue());
    }

    private static boolean measureText(String text) {
        if (text.isEmpty() || text.length() > MAXIMUM_MEASURE_LENGTH || text.charAt(0) < 'A' || text.charAt(0) > 'Z') {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z') && !digit(c) && c != '_') {
                return false;
            }
        }
        return true;
    }

    /** Format 2: a whole number held as one, or a finite double; anything else is left to the validator. */
    private static boolean anyNumber(JsonNode node) {
        return node.isInt() || node.isLong() || node.isDouble() && Double.isFinite(node.doubleValue());
    }

    /** Format 2: null, or {@code ^[0-9]{6,18}$} in ASCII digits. */
    private static boolean therapyType(JsonNode node) {
        if (node.isNull()) {
            return true;
        }
        if (!node.isTextual()) {
            return false;
        }
        String text = node.textValue();
        if (text.length() < 6 || text.length() > 18) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!digit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }
}
