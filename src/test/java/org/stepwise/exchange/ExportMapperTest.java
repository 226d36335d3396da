package org.stepwise.exchange;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.exchange.OutcomeFiles.CATALOGUE;
import static org.stepwise.exchange.OutcomeFiles.PSEUDONYMS;
import static org.stepwise.exchange.OutcomeFiles.gad7;
import static org.stepwise.exchange.OutcomeFiles.phq9;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.OutcomeClassifier;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.referral.Referral;

class ExportMapperTest {

    private final ExportMapper mapper = new ExportMapper(PSEUDONYMS, CATALOGUE);

    @Test
    void identifiersBecomeKeyedPseudonymsAndDemographicsStayCoded() {
        Referral referral = ExportFixtures.open(41, 7, LocalDate.of(2026, 5, 4), "F32.1");
        FileReferral mapped = mapper.map(referral, ExportFixtures.patient(7), List.of());
        assertAll(
                () -> assertEquals(PSEUDONYMS.referral(41), mapped.pseudonym()),
                () -> assertEquals(PSEUDONYMS.patient(ExportFixtures.NHS), mapped.patientPseudonym()),
                () -> assertEquals("non-binary", mapped.gender().code()),
                () -> assertEquals("H", mapped.ethnicity().code()),
                () -> assertEquals("gp", mapped.source().code()),
                () -> assertEquals("F32.1", mapped.problemDescriptor()),
                () -> assertEquals(LocalDate.of(2026, 5, 4), mapped.referralDate()),
                () -> assertEquals(null, mapped.endDate()));
    }

    @ParameterizedTest(name = "born {0}, referred {1}: {2}")
    @CsvSource({
            "2010-05-04, 2026-05-04, 16-17",
            "2008-05-05, 2026-05-04, 16-17",
            "2008-05-04, 2026-05-04, 18-25",
            "2000-05-05, 2026-05-04, 18-25",
            "2000-05-04, 2026-05-04, 26-35",
            "1961-05-05, 2026-05-04, 56-64",
            "1961-05-04, 2026-05-04, 65-74",
            "1951-05-04, 2026-05-04, 75+",
            "1930-01-01, 2026-05-04, 75+"})
    void theAgeBandIsTheAgeOnTheReferralDate(LocalDate born, LocalDate referred, String band) {
        Referral referral = ExportFixtures.open(41, 7, referred, "F41.1");
        FileReferral mapped = mapper.map(referral, ExportFixtures.patient(7, born), List.of());
        assertEquals(band, mapped.ageBand().code());
    }

    @Test
    void contactsGoInDateOrderThenRecordingOrderWithTheirStepMinutesMediumAndScores() {
        List<Contact> given = new ExportFixtures.Contacts(41, 100)
                .attended("2026-06-01", ContactType.TREATMENT, phq9(12), gad7(9))
                .missed("2026-05-20")
                .attended("2026-05-10", ContactType.ASSESSMENT, phq9(16))
                .attended("2026-06-01", ContactType.REVIEW, phq9(11))
                .list();
        FileReferral mapped = mapper.map(ExportFixtures.open(41, 7, LocalDate.of(2026, 5, 4), "F41.1"),
                ExportFixtures.patient(7), given.reversed());
        assertEquals(List.of(
                new ContactRecord(LocalDate.of(2026, 5, 10), ContactType.ASSESSMENT, Attendance.ATTENDED, Medium.VIDEO,
                        2, 45, List.of(phq9(16))),
                new ContactRecord(LocalDate.of(2026, 5, 20), ContactType.TREATMENT, Attendance.DNA, Medium.TELEPHONE,
                        3, null, List.of()),
                new ContactRecord(LocalDate.of(2026, 6, 1), ContactType.TREATMENT, Attendance.ATTENDED, Medium.VIDEO,
                        2, 45, List.of(phq9(12), gad7(9))),
                new ContactRecord(LocalDate.of(2026, 6, 1), ContactType.REVIEW, Attendance.ATTENDED, Medium.VIDEO,
                        2, 45, List.of(phq9(11)))),
                mapped.contacts());
    }

    @Test
    void theOutcomeIsTheClassifiersOverTheSameContacts() {
        List<Contact> contacts = new ExportFixtures.Contacts(41, 1)
                .attended("2026-04-10", ContactType.ASSESSMENT, phq9(16), gad7(13))
                .attended("2026-04-24", ContactType.TREATMENT, phq9(12), gad7(10))
                .attended("2026-05-08", ContactType.TREATMENT, phq9(6), gad7(5))
                .list();
        Referral referral = ExportFixtures.ended(41, 7, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 1));
        FileReferral mapped = mapper.map(referral, ExportFixtures.patient(7), contacts);

        FileOutcome outcome = mapped.outcome();
        assertAll(
                () -> assertEquals(2, outcome.treatmentContacts()),
                () -> assertTrue(outcome.finishedTreatment()),
                () -> assertEquals(true, outcome.atCaseness()),
                () -> assertEquals(true, outcome.recovered()),
                () -> assertEquals(true, outcome.reliableImprovement()),
                () -> assertEquals(false, outcome.reliableDeterioration()),
                () -> assertEquals(new BigDecimal("16"), outcome.firstScores().get(MeasureCode.PHQ9)),
                () -> assertEquals(new BigDecimal("5"), outcome.lastScores().get(MeasureCode.GAD7)),
                () -> assertEquals(9, outcome.daysReferralToAssessment()),
                () -> assertEquals(23, outcome.daysReferralToFirstTreatment()));
        ReferralRecord record = new ReferralRecord("any", referral.referralDate(), referral.endDate(),
                referral.endReason(), referral.problemDescriptor(), mapped.contacts(), null);
        assertEquals(FileOutcome.of(new OutcomeClassifier(CATALOGUE).classify(record)), outcome);
    }

    @Test
    void noIdentifierNoteRiskNarrativeOrTherapyTypeReachesTheFileForm() {
        List<Contact> contacts = new ExportFixtures.Contacts(41, 1)
                .attended("2026-04-10", ContactType.ASSESSMENT, phq9(16), gad7(13))
                .list();
        Patient patient = ExportFixtures.patient(7);
        String json = OutcomeFileJson.referral(
                mapper.map(ExportFixtures.open(41, 7, LocalDate.of(2026, 4, 1), "F41.1"), patient, contacts)).toString();
        for (String secret : List.of(ExportFixtures.GIVEN, ExportFixtures.FAMILY, ExportFixtures.NHS, "999 000 0018",
                "1990-04-12", "12/04/1990", patient.phone(), patient.email(), patient.address(), patient.postcode(),
                patient.gpPractice(), ExportFixtures.NOTE, ExportFixtures.RISK_NOTE, ExportFixtures.THERAPY, "moderate")) {
            assertFalse(json.contains(secret), () -> "the file form carries " + secret);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "no problem descriptor, , 1990-04-12, NO_PROBLEM_DESCRIPTOR",
            "fifteen at referral, F41.1, 2010-05-05, UNDER_16",
            "sixteen at referral, F41.1, 2010-05-04, "})
    void aReferralFormatOneCannotHoldIsLeftOutWithItsReason(String name, String problem, LocalDate born,
            ExportMapper.LeftOut expected) {
        Referral referral = ExportFixtures.open(41, 7, LocalDate.of(2026, 5, 4), problem);
        Patient patient = ExportFixtures.patient(7, born);
        assertEquals(Optional.ofNullable(expected), ExportMapper.leftOut(referral, patient));
        if (expected != null) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> mapper.map(referral, patient, List.of()));
            assertEquals("Referral 41 cannot be exported: " + expected.label() + ".", refused.getMessage());
        }
    }

    @Test
    void anotherPatientsDetailsOrAnotherReferralsContactsAreRefused() {
        Referral referral = ExportFixtures.open(41, 7, LocalDate.of(2026, 5, 4), "F41.1");
        assertThrows(IllegalArgumentException.class, () -> mapper.map(referral, ExportFixtures.patient(8), List.of()));
        List<Contact> elsewhere = new ExportFixtures.Contacts(42, 1).missed("2026-05-10").list();
        assertThrows(IllegalArgumentException.class,
                () -> mapper.map(referral, ExportFixtures.patient(7), elsewhere));
    }
}
