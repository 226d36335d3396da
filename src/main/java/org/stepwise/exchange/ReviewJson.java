package org.stepwise.exchange;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.outcome.OutcomeSummary;

/**
 * The review summary as JSON, exactly as export-format.md "Review summary" lays it out: keys in the
 * contract's order (the two second-treatment rates after {@code firstTreatmentWithin18Weeks}), rates as
 * plain fractions without trailing zeros (0.05, 0.5156, 1) or null, {@code ended} and
 * {@code atCaseness} in their edition-2 meanings (ended in the file's period; finished less not at
 * caseness), the flagged referrals by referral pseudonym with each one's flags sorted by name. Nothing
 * else: what the contract has no key for (whether authenticity was checked) goes to standard error.
 */
public final class ReviewJson {

    private ReviewJson() {
    }

    public static String write(Review review) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(text)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeNumberField("files", review.files());
            json.writeNumberField("rejectedFiles", review.refused().size());
            figures(json, review.overall());
            json.writeObjectFieldStart("byPractitioner");
            for (Map.Entry<String, OutcomeSummary> practitioner : review.byPractitioner().entrySet()) {
                json.writeObjectFieldStart(practitioner.getKey());
                figures(json, practitioner.getValue());
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeArrayFieldStart("flagged");
            for (Review.FlaggedReferral flagged : review.flagged()) {
                json.writeStartObject();
                json.writeStringField("referral", flagged.referral());
                json.writeStringField("practitioner", flagged.practitioner());
                json.writeArrayFieldStart("flags");
                for (String flag : flagged.flags().stream().map(Flag::code).sorted().toList()) {
                    json.writeString(flag);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void figures(JsonGenerator json, OutcomeSummary s) throws IOException {
        json.writeNumberField("referrals", s.referrals());
        json.writeNumberField("ended", s.ended());
        json.writeNumberField("finishedTreatment", s.finishedTreatment());
        json.writeNumberField("atCaseness", s.atCaseness());
        json.writeNumberField("recovered", s.recovered());
        rate(json, "recoveryRate", s.recoveryRate());
        json.writeNumberField("reliableImprovement", s.reliableImprovement());
        rate(json, "reliableImprovementRate", s.reliableImprovementRate());
        json.writeNumberField("reliableDeterioration", s.reliableDeterioration());
        rate(json, "reliableDeteriorationRate", s.reliableDeteriorationRate());
        json.writeNumberField("reliableRecovery", s.reliableRecovery());
        rate(json, "reliableRecoveryRate", s.reliableRecoveryRate());
        json.writeNumberField("pairedScores", s.pairedScores());
        rate(json, "pairedScoreRate", s.pairedScoreRate());
        rate(json, "firstTreatmentWithin6Weeks", s.firstTreatmentWithin6Weeks());
        rate(json, "firstTreatmentWithin18Weeks", s.firstTreatmentWithin18Weeks());
        rate(json, "secondTreatmentOver28Days", s.secondTreatmentOver28Days());
        rate(json, "secondTreatmentOver90Days", s.secondTreatmentOver90Days());
    }

    private static void rate(JsonGenerator json, String name, BigDecimal rate) throws IOException {
        json.writeFieldName(name);
        if (rate == null) {
            json.writeNull();
        } else {
            json.writeNumber(plain(rate));
        }
    }

    /** 0.0500 → "0.05", 1.0000 → "1", never an exponent. */
    static String plain(BigDecimal rate) {
        return FileOutcome.plain(rate).toPlainString();
    }
}
