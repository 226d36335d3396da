package org.stepwise.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stepwise.domain.caseload.HandoverContents;
import org.stepwise.domain.caseload.ReferralHistory;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.contact.RiskReview;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.contact.RiskLevel;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.referral.Employment;
import org.stepwise.domain.referral.EmploymentStatus;
import org.stepwise.domain.referral.EndReason;
import org.stepwise.domain.referral.Referral;
import org.stepwise.domain.referral.ReferralSource;
import org.stepwise.domain.referral.ReferralStatus;
import org.stepwise.domain.referral.StepChange;

/** The handover code, the sealed envelope and its payload, without a store. */
class HandoverFileTest {

    private final byte[] serviceKey = ServiceKey.generate().bytes();

    @Test
    void aCodeHasAHundredRandomBitsInFiveGroupsOfFour() {
        assertTrue(HandoverCode.BITS >= 80);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String shown = HandoverCode.generate().shown();
            assertTrue(shown.matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}"), shown);
            seen.add(shown);
        }
        assertEquals(500, seen.size());
        assertFalse(HandoverCode.generate().toString().matches(".*[0-9A-Z]{4}-.*"), "toString hides the code");
    }

    @Test
    void aCodeIsReadAsItWouldBeTyped() {
        HandoverCode code = HandoverCode.parse("7KQ2-M9XD-0011-ABCD-EFGH").orElseThrow();
        assertEquals(code.shown(), HandoverCode.parse(" 7kq2 m9xd oOiL abcd efgh\n").orElseThrow().shown());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "7KQ2-M9XD-0011-ABCD", "7KQ2-M9XD-0011-ABCD-EFGH-J", "7KQ2-M9XD-0011-ABCD-EFGU",
            "7KQ2-M9XD-0011-ABCD-EFG!"})
    void somethingElseIsNotACode(String typed) {
        assertTrue(HandoverCode.parse(typed).isEmpty());
    }

    private static HandoverContents contents() {
        Patient patient = new Patient(null, NhsNumber.parse("9990000018"), "Ada", "Lovelace", LocalDate.of(1980, 1, 2),
                Gender.FEMALE, Ethnicity.C, "07700 900123", "a@example.org", "1 Row", "ZZ1 1ZZ", "Surgery");
        Referral referral = new Referral(null, UUID.randomUUID(), 0, LocalDate.of(2026, 9, 1), ReferralSource.GP, "F40.0",
                ReferralStatus.ENDED, LocalDate.of(2026, 11, 30), EndReason.COMPLETED,
                List.of(new StepChange(LocalDate.of(2026, 9, 1), 2), new StepChange(LocalDate.of(2026, 10, 1), 3)),
                new Employment(org.stepwise.domain.common.Coded.of(EmploymentStatus.class, "01"), org.stepwise.domain.common.Coded.of(EmploymentStatus.class, "02"), true), false);
        Contact one = new Contact(null, 0, LocalDate.of(2026, 9, 5), ContactType.ASSESSMENT_AND_TREATMENT, Medium.VIDEO,
                Attendance.ATTENDED, 2, 50, "1234567", "A note, with \"quotes\" and ünïcode",
                List.of(new Score(MeasureCode.MI, new BigDecimal("2.3077"), Arrays.asList(2, null, 3, 2)),
                        new Score(MeasureCode.PHQ9, BigDecimal.valueOf(12), null)),
                new RiskReview(RiskLevel.MODERATE, "risk note", Instant.parse("2026-09-05T10:15:30.123456Z")));
        Contact two = new Contact(null, 0, LocalDate.of(2026, 9, 12), ContactType.TREATMENT, Medium.TELEPHONE,
                Attendance.CANCELLED_BY_PATIENT, 2, null, null, null, List.of(), null);
        return new HandoverContents(HandoverFile.newFileId(), "Alex Practitioner", "Sam Lee",
                Instant.parse("2026-12-07T09:00:00Z"), "RX1", patient, new ReferralHistory(referral, List.of(one, two)));
    }

    @Test
    void thePayloadCarriesEveryFieldAndComesBackEqual() {
        HandoverContents sent = contents();
        HandoverContents back = HandoverJson.read(HandoverJson.write(sent));
        assertEquals(sent.patient(), back.patient());
        assertEquals(sent.history().referral(), back.history().referral());
        assertEquals(sent.history().contacts(), back.history().contacts());
        assertEquals(List.of(sent.fileId(), sent.from(), sent.to(), sent.createdAt(), sent.serviceCode()),
                List.of(back.fileId(), back.from(), back.to(), back.createdAt(), back.serviceCode()));
        assertNull(back.history().contacts().getFirst().scores().get(1).items());
        assertEquals(new BigDecimal("2.3077"), back.history().contacts().getFirst().scores().getFirst().total());
    }

    @Test
    void aSealedFileOpensWithItsCodeAndTheServiceKeyOnly() {
        HandoverContents sent = contents();
        HandoverCode code = HandoverCode.generate();
        byte[] payload = HandoverJson.write(sent);
        byte[] file = HandoverFile.seal(payload, sent.fileId(), code, serviceKey);
        assertArrayEquals(payload, HandoverFile.open(file, code, serviceKey));
        assertEquals(sent.fileId(), HandoverFile.fileId(file));
        assertFalse(new String(file, StandardCharsets.ISO_8859_1).contains("Lovelace"));
        assertEquals(HandoverFile.WRONG_CODE, assertThrows(HandoverRefused.class,
                () -> HandoverFile.open(file, HandoverCode.generate(), serviceKey)).getMessage());
        assertEquals(HandoverFile.OTHER_SERVICE, assertThrows(HandoverRefused.class,
                () -> HandoverFile.open(file, code, ServiceKey.generate().bytes())).getMessage());
        assertEquals(HandoverFile.NOT_A_HANDOVER, assertThrows(HandoverRefused.class,
                () -> HandoverFile.open("{\"format\":1}".getBytes(StandardCharsets.UTF_8), code, serviceKey))
                .getMessage());
    }

    @Test
    void everyChangedOrMissingByteIsRefused() {
        HandoverContents sent = contents();
        HandoverCode code = HandoverCode.generate();
        byte[] file = HandoverFile.seal(HandoverJson.write(sent), sent.fileId(), code, serviceKey);
        for (int at = HandoverFile.MAGIC.length; at < file.length; at += 37) {
            byte[] changed = file.clone();
            changed[at] ^= 0x40;
            HandoverRefused refused = assertThrows(HandoverRefused.class, () -> HandoverFile.open(changed, code, serviceKey));
            assertTrue(Set.of(HandoverFile.ALTERED, HandoverFile.TRUNCATED, HandoverFile.UNKNOWN_VERSION)
                    .contains(refused.getMessage()), at + ": " + refused.getMessage());
        }
        for (int cut : new int[] {1, 32, 33, file.length / 2, file.length - HandoverFile.MAGIC.length}) {
            byte[] shorter = Arrays.copyOf(file, file.length - cut);
            assertEquals(HandoverFile.TRUNCATED, assertThrows(HandoverRefused.class,
                    () -> HandoverFile.open(shorter, code, serviceKey)).getMessage(), "cut " + cut);
        }
    }
}
