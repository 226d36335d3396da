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

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
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
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.OutcomeClassifier;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.referral.Employment;
import org.stepwise.domain.referral.EmploymentStatus;
import org.stepwise.domain.referral.Referral;
import org.stepwise.domain.referral.ReferralSource;
import org.stepwise.domain.referral.ReferralStatus;
import org.stepwise.domain.referral.StepChange;

class ExportMapperTest {

    private static final Instant GENERATED = Instant.parse("2026-11-23T09:00:00Z");

    private final ExportMapper mapper = new ExportMapper(PSEUDONYMS, CATALOGUE, GENERATED);

    @Test
    void identifiersBecomeKeyedPseudonymsAndDemographicsStayCoded() {
        Referral referral = ExportFixtures.open(41, 7, LocalDate.of(2026, 5, 4), "F32.1");
        FileReferral mapped = mapper.map(referral, ExportFixtures.patient(7), List.of());
        assertAll(
                () -> assertEquals(PSEUDONYMS.referral(ExportFixtures.uuid(41)), mapped.pseudonym(),
                        "the referral pseudonym is made from its UUID, not its row"),
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
        String therapy = ExportFixtures.THERAPY;
        assertEquals(List.of(
                new ContactRecord(LocalDate.of(2026, 5, 10), ContactType.ASSESSMENT, Attendance.ATTENDED, Medium.VIDEO,
                        2, 45, List.of(phq9(16)), therapy),
                new ContactRecord(LocalDate.of(2026, 5, 20), ContactType.TREATMENT, Attendance.DNA, Medium.TELEPHONE,
                        3, null, List.of(), null),
                new ContactRecord(LocalDate.of(2026, 6, 1), ContactType.TREATMENT, Attendance.ATTENDED, Medium.VIDEO,
                        2, 45, List.of(phq9(12), gad7(9)), therapy),
                new ContactRecord(LocalDate.of(2026, 6, 1), ContactType.REVIEW, Attendance.ATTENDED, Medium.VIDEO,
                        2, 45, List.of(phq9(11)), therapy)),
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
    void employmentGoesIntoTheFileFormAndAnOpenReferralHasNoStatusAtItsEnd() {
        Referral ended = ExportFixtures.ended(41, 7, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 1));
        assertEquals(new Employment(EmploymentStatus.LONG_TERM_SICK_OR_DISABLED, EmploymentStatus.EMPLOYED, true),
                mapper.map(ended, ExportFixtures.patient(7), List.of()).employment());
        Referral reopened = ExportFixtures.open(42, 7, LocalDate.of(2026, 4, 1), "F41.1",
                new Employment(EmploymentStatus.STUDENT, EmploymentStatus.EMPLOYED, false));
        FileReferral open = mapper.map(reopened, ExportFixtures.patient(7), List.of());
        assertEquals(new Employment(EmploymentStatus.STUDENT, null, false), open.employment());
        ObjectNode node = OutcomeFileJson.referral(open);
        assertEquals("03", node.get("employmentAtStart").textValue());
        assertTrue(node.get("employmentAtEnd").isNull());
        assertFalse(node.get("employmentSupport").booleanValue());
    }

    @Test
    void anMiTotalStoredToTwoDecimalsIsCarriedAsTheMeanOfItsItemsToTheTablesFour() {
        Integer[] items = new Integer[27];
        java.util.Arrays.fill(items, 2);
        items[0] = 3;
        items[1] = 3;
        items[2] = null;
        // Two threes and 24 twos over 26 answered items: 54 / 26 = 2.076923…, carried as 2.0769.
        Score stored = new Score(MeasureCode.MI, new BigDecimal("2.08"), java.util.Arrays.asList(items));
        List<Contact> contacts = new ExportFixtures.Contacts(41, 1)
                .attended("2026-05-10", ContactType.ASSESSMENT, phq9(9), stored).list();
        FileReferral mapped = mapper.map(ExportFixtures.open(41, 7, LocalDate.of(2026, 5, 4), "F40.0"),
                ExportFixtures.patient(7), contacts);
        assertEquals(new BigDecimal("2.0769"), mapped.contacts().getFirst().score(MeasureCode.MI).orElseThrow().total());
    }

    @Test
    void aStoredReferralWithoutItsUuidIsRefused() {
        Referral withoutUuid = new Referral(41L, 7, LocalDate.of(2026, 5, 4), ReferralSource.GP, "F41.1",
                ReferralStatus.IN_TREATMENT, null, null, List.of(new StepChange(LocalDate.of(2026, 5, 4), 2)), false);
        assertThrows(IllegalArgumentException.class, () -> mapper.map(withoutUuid, ExportFixtures.patient(7), List.of()));
    }

    @Test
    void aServiceDescriptorGoesIntoTheFileAsItsIcd10Code() {
        MeasureCatalogue service = ServiceTables.withIesrAndBdd();
        ExportMapper serviceMapper = new ExportMapper(PSEUDONYMS, service, GENERATED);
        Referral bdd = ExportFixtures.open(41, 7, LocalDate.of(2026, 5, 4), "BDD");
        assertEquals("F45.2", serviceMapper.map(bdd, ExportFixtures.patient(7), List.of()).problemDescriptor());
        assertEquals(Optional.of(ExportMapper.LeftOut.NO_ICD10_CODE),
                mapper.leftOut(bdd, ExportFixtures.patient(7), List.of()), "the bundled table has no BDD");
    }

    @Test
    void aMeasureOnlyTheServicesTableDefinesIsExportedAndItsOutcomeJudgedByThatTable() throws Exception {
        MeasureCatalogue service = ServiceTables.withIesrAndBdd();
        Score[] iesr = new Score[3];
        for (int i = 0; i < 3; i++) {
            Integer[] items = new Integer[22];
            java.util.Arrays.fill(items, i == 0 ? 2 : 1);
            iesr[i] = service.definition(service.code("IESR").orElseThrow()).score(java.util.Arrays.asList(items));
        }
        List<Contact> contacts = new ExportFixtures.Contacts(41, 1)
                .attended("2026-04-10", ContactType.ASSESSMENT, phq9(15), iesr[0])
                .attended("2026-04-24", ContactType.TREATMENT, phq9(8), iesr[1])
                .attended("2026-05-08", ContactType.TREATMENT, phq9(6), iesr[2])
                .list();
        Referral ptsd = new Referral(41L, ExportFixtures.uuid(41), 7, LocalDate.of(2026, 4, 1), ReferralSource.GP,
                "F43.1", ReferralStatus.ENDED, LocalDate.of(2026, 5, 8), org.stepwise.domain.referral.EndReason.COMPLETED,
                List.of(new StepChange(LocalDate.of(2026, 4, 1), 3)), Employment.NOT_RECORDED, false);
        FileReferral mapped = new ExportMapper(PSEUDONYMS, service, GENERATED).map(ptsd, ExportFixtures.patient(7), contacts);
        assertEquals("IESR", mapped.outcome().anxietyMeasure().code());
        assertEquals(true, mapped.outcome().recovered());
        java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("iesr-export");
        try {
            java.nio.file.Path file = new OutcomeFileWriter(service, OutcomeFiles.KEY).write(folder,
                    OutcomeFiles.header("uid-1", "2026-11-23T09:00:00Z"), List.of(mapped).iterator()).file();
            Review review = new ReviewService(service, OutcomeFiles.KEY).review(List.of(file));
            assertEquals(List.of(), review.refused());
            assertEquals(1, review.overall().recovered());
            java.nio.file.Files.delete(file);
        } finally {
            java.nio.file.Files.delete(folder);
        }
    }

    @Test
    void noIdentifierNoteOrRiskNarrativeReachesTheFileForm() {
        List<Contact> contacts = new ExportFixtures.Contacts(41, 1)
                .attended("2026-04-10", ContactType.ASSESSMENT, phq9(16), gad7(13))
                .list();
        Patient patient = ExportFixtures.patient(7);
        String json = OutcomeFileJson.referral(
                mapper.map(ExportFixtures.open(41, 7, LocalDate.of(2026, 4, 1), "F41.1"), patient, contacts)).toString();
        for (String secret : List.of(ExportFixtures.GIVEN, ExportFixtures.FAMILY, ExportFixtures.NHS, "999 000 0018",
                "1990-04-12", "12/04/1990", patient.phone(), patient.email(), patient.address(), patient.postcode(),
                patient.gpPractice(), ExportFixtures.NOTE, ExportFixtures.RISK_NOTE, "moderate")) {
            assertFalse(json.contains(secret), () -> "the file form carries " + secret);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "no problem descriptor, , 1990-04-12, , NO_PROBLEM_DESCRIPTOR",
            "a service code the table does not know, BDD, 1990-04-12, , NO_ICD10_CODE",
            "fifteen at referral, F41.1, 2010-05-05, , UNDER_16",
            "sixteen at referral, F41.1, 2010-05-04, , ",
            "a contact the day before the referral, F41.1, 1990-04-12, 2026-05-03, IMPOSSIBLE_DATES",
            "a contact on the referral date, F41.1, 1990-04-12, 2026-05-04, ",
            "a contact on the day of the export, F41.1, 1990-04-12, 2026-11-23, ",
            "a contact the day after the export (anywhere on Earth), F41.1, 1990-04-12, 2026-11-24, IMPOSSIBLE_DATES"})
    void aReferralTheFormatCannotHoldTrulyIsLeftOutWithItsReason(String name, String problem, LocalDate born,
            String contactDate, ExportMapper.LeftOut expected) {
        Referral referral = ExportFixtures.open(41, 7, LocalDate.of(2026, 5, 4), problem);
        Patient patient = ExportFixtures.patient(7, born);
        List<Contact> contacts = contactDate == null ? List.of()
                : new ExportFixtures.Contacts(41, 1).missed(contactDate).list();
        assertEquals(Optional.ofNullable(expected), mapper.leftOut(referral, patient, contacts));
        if (expected != null) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> mapper.map(referral, patient, contacts));
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
