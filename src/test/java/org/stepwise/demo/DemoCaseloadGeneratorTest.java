package org.stepwise.demo;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.demo.DemoFixture.TODAY;
import static org.stepwise.demo.DemoFixture.caseload;
import static org.stepwise.demo.DemoFixture.referrals;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.contact.RiskLevel;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.MeasureDefinition;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.measure.Therapy;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.referral.Employment;
import org.stepwise.domain.referral.EmploymentStatus;
import org.stepwise.domain.referral.EndReason;
import org.stepwise.domain.referral.Referral;
import org.stepwise.domain.referral.ReferralSource;
import org.stepwise.domain.referral.ReferralStatus;
import org.stepwise.domain.referral.StepChange;

class DemoCaseloadGeneratorTest {

    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();

    @Test
    void theSameSeedGivesTheSameCaseload() {
        DemoCaseload first = new DemoCaseloadGenerator(42, TODAY).generate(300);
        DemoCaseload second = new DemoCaseloadGenerator(42, TODAY).generate(300);

        assertEquals(first, second);
    }

    @Test
    void differentSeedsGiveDifferentCaseloads() {
        DemoCaseload first = new DemoCaseloadGenerator(1, TODAY).generate(300);
        DemoCaseload second = new DemoCaseloadGenerator(2, TODAY).generate(300);

        assertNotEquals(first, second);
        assertNotEquals(nhsNumbers(first), nhsNumbers(second));
    }

    @Test
    void generatesTheNumberOfPatientsAskedFor() {
        DemoCaseloadGenerator generator = new DemoCaseloadGenerator(3, TODAY);

        assertAll(
                () -> assertEquals(0, generator.generate(0).patients().size()),
                () -> assertEquals(25, generator.generate(25).patients().size()),
                () -> assertThrows(IllegalArgumentException.class, () -> generator.generate(-1)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> generator.generate(DemoCaseloadGenerator.MAX_PATIENTS + 1)));
    }

    @Test
    void everyNhsNumberIsValidInTheNeverIssuedRangeAndUnique() {
        List<String> numbers = nhsNumbers(caseload());

        for (String number : numbers) {
            assertEquals(java.util.Optional.empty(), NhsNumber.problem(number), "check digit");
            assertTrue(number.startsWith("999"), "999 range");
        }
        assertEquals(numbers.size(), new HashSet<>(numbers).size(), "unique");
    }

    @Test
    void patientsAreAdultsWithClearlyInventedContactDetails() {
        for (DemoPatient demo : caseload().patients()) {
            Patient patient = demo.patient();
            int age = Period.between(patient.dateOfBirth(), TODAY).getYears();
            int ageAtReferral = Period.between(patient.dateOfBirth(),
                    demo.referrals().getFirst().referral().referralDate()).getYears();
            assertAll(
                    () -> assertNull(patient.id()),
                    () -> assertTrue(age >= 18 && age <= 80, "age " + age),
                    () -> assertTrue(ageAtReferral >= 18, "adult when referred"),
                    () -> assertFalse(patient.givenName().isBlank()),
                    () -> assertFalse(patient.familyName().isBlank()),
                    () -> assertTrue(patient.phone().matches("07700 900\\d{3}"), "drama phone range"),
                    () -> assertTrue(patient.email().matches("[a-z]+\\.[a-z]+\\d+@example\\.org"), "example.org"),
                    () -> assertTrue(patient.postcode().matches("ZZ\\d{1,2} \\d[A-Z]{2}"), "no such postcode area"),
                    () -> assertFalse(patient.address().isBlank()),
                    () -> assertFalse(patient.gpPractice().isBlank()));
        }
    }

    @Test
    void namesAndDemographicsAreVaried() {
        List<Patient> patients = caseload().patients().stream().map(DemoPatient::patient).toList();

        assertAll(
                () -> assertTrue(distinct(patients, Patient::givenName) >= 150, "given names"),
                () -> assertTrue(distinct(patients, Patient::familyName) >= 150, "family names"),
                () -> assertTrue(distinct(patients, Patient::ethnicity) >= 14, "ethnic categories"),
                () -> assertTrue(share(patients, p -> p.gender().code().equals("female")) > 0.55, "mostly women"),
                () -> assertTrue(share(patients, p -> p.ethnicity().code().equals("A")) > 0.6, "mostly White British"));
    }

    @Test
    void everyScoreIsValidByTheCatalogue() {
        for (DemoReferral referral : referrals()) {
            for (Contact contact : referral.contacts()) {
                for (Score score : contact.scores()) {
                    MeasureDefinition definition = CATALOGUE.definition(score.measure());
                    assertNotNull(score.items(), "items recorded");
                    assertEquals(java.util.Optional.empty(), definition.problem(score));
                }
            }
        }
    }

    @Test
    void attendedContactsCarryTheMeasuresOfTheProblemOrGad7OnlyWhereItsAdsmIsNotUsed() {
        int withAdsm = 0;
        int adsmNotUsed = 0;
        for (DemoReferral referral : referrals()) {
            MeasureCode adsm = CATALOGUE.anxietyMeasureFor(referral.referral().problemDescriptor());
            boolean adsmUsed = referral.contacts().stream().flatMap(c -> c.scores().stream())
                    .anyMatch(s -> s.measure() == adsm);
            Set<MeasureCode> expected = new java.util.HashSet<>(List.of(MeasureCode.PHQ9, MeasureCode.GAD7, MeasureCode.WSAS,
                    MeasureCode.PHOBIA_SOCIAL, MeasureCode.PHOBIA_AGORA, MeasureCode.PHOBIA_SPECIFIC));
            if (adsmUsed) {
                expected.add(adsm);
            }
            boolean scored = false;
            for (Contact contact : referral.contacts()) {
                if (!contact.scores().isEmpty()) {
                    Set<MeasureCode> recorded = contact.scores().stream().map(Score::measure)
                            .collect(Collectors.toCollection(() -> new java.util.HashSet<MeasureCode>()));
                    assertEquals(expected, recorded);
                    scored = true;
                }
            }
            if (adsm != MeasureCode.GAD7 && scored) {
                withAdsm++;
                adsmNotUsed += adsmUsed ? 0 : 1;
            }
        }
        double share = (double) adsmNotUsed / withAdsm;
        assertTrue(share >= 0.15 && share <= 0.35, "ADSM not used in " + share + " of the referrals whose problem has one");
    }

    @Test
    void noContactIsInTheFutureOrBeforeItsReferralAndContactsAreInDateOrder() {
        for (DemoReferral referral : referrals()) {
            LocalDate referred = referral.referral().referralDate();
            LocalDate previous = referred;
            for (Contact contact : referral.contacts()) {
                assertFalse(contact.date().isAfter(TODAY), "not after today");
                assertFalse(contact.date().isBefore(previous), "in date order, not before the referral");
                assertNull(contact.id());
                assertEquals(0, contact.referralId());
                previous = contact.date();
            }
            assertFalse(referred.isAfter(TODAY));
            assertTrue(referred.isAfter(TODAY.minusDays(DemoPathway.HISTORY_DAYS + 1)), "within about 18 months");
        }
    }

    @Test
    void anEndedReferralEndsOnOrAfterItsLastContactAndNotAfterToday() {
        for (DemoReferral referral : referrals()) {
            boolean ended = referral.status() == ReferralStatus.ENDED;
            assertEquals(ended, referral.endDate() != null, "end date only when ended");
            assertEquals(ended, referral.endReason() != null, "end reason only when ended");
            if (ended) {
                assertFalse(referral.endDate().isAfter(TODAY));
                assertFalse(referral.endDate().isBefore(referral.referral().referralDate()));
                if (!referral.contacts().isEmpty()) {
                    assertFalse(referral.endDate().isBefore(referral.contacts().getLast().date()));
                }
            }
        }
    }

    @Test
    void contactsNotAttendedCarryNoScoresMinutesTherapyOrRiskReview() {
        for (DemoReferral referral : referrals()) {
            for (Contact contact : referral.contacts()) {
                if (!contact.attendance().attended()) {
                    assertAll(
                            () -> assertTrue(contact.scores().isEmpty()),
                            () -> assertNull(contact.minutes()),
                            () -> assertNull(contact.therapyType()),
                            () -> assertNull(contact.riskReview()));
                }
            }
        }
    }

    @Test
    void aRiskReviewIsRecordedExactlyWhereItem9IsOneOrMore() {
        MeasureDefinition phq9 = CATALOGUE.definition(MeasureCode.PHQ9);
        int reviews = 0;
        for (DemoReferral referral : referrals()) {
            for (Contact contact : referral.contacts()) {
                boolean item9 = contact.scores().stream()
                        .anyMatch(s -> s.measure() == MeasureCode.PHQ9 && s.items().get(8) >= 1);
                assertEquals(item9, contact.riskReview() != null);
                assertEquals(item9, contact.scores().stream()
                        .anyMatch(s -> s.measure() == MeasureCode.PHQ9 && phq9.raisesRisk(s.items())));
                if (contact.riskReview() != null) {
                    assertFalse(contact.riskReview().note().isBlank());
                    assertEquals(contact.date(), contact.riskReview().reviewedAt()
                            .atZone(java.time.ZoneId.of("Europe/London")).toLocalDate());
                    reviews++;
                }
            }
        }
        assertTrue(reviews > 0);
    }

    @Test
    void riskReviewsAreMostlyLowSomeModerateAFewHigh() {
        List<RiskLevel> levels = referrals().stream().flatMap(r -> r.contacts().stream())
                .filter(c -> c.riskReview() != null).map(c -> c.riskReview().level()).toList();
        long low = levels.stream().filter(l -> l == RiskLevel.LOW).count();
        long moderate = levels.stream().filter(l -> l == RiskLevel.MODERATE).count();
        long high = levels.stream().filter(l -> l == RiskLevel.HIGH).count();

        assertTrue(low > moderate && moderate > high && high > 0, low + " / " + moderate + " / " + high);
    }

    @Test
    void statusFollowsTheContacts() {
        for (DemoReferral referral : referrals()) {
            boolean treated = referral.contacts().stream()
                    .anyMatch(c -> c.attendance().attended() && c.type().isTreatment());
            boolean assessed = referral.contacts().stream()
                    .anyMatch(c -> c.attendance().attended() && c.type().isAssessment());
            switch (referral.status()) {
                case REFERRED -> assertFalse(assessed || treated, "referred: not yet assessed");
                case ASSESSED, WAITING -> assertTrue(assessed && !treated, "assessed, no treatment yet");
                case IN_TREATMENT -> assertTrue(treated, "in treatment: a treatment contact attended");
                case ENDED -> assertTrue(assessed, "ended after an assessment");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ReferralStatus.class)
    void everyStatusIsRepresented(ReferralStatus status) {
        assertTrue(referrals().stream().filter(r -> r.status() == status).count() >= 20, status.code());
    }

    @Test
    void aboutFourInTenReferralsHaveEnded() {
        double ended = share(referrals(), r -> r.status() == ReferralStatus.ENDED);

        assertTrue(ended >= 0.34 && ended <= 0.46, "ended " + ended);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            step 2 at referral                 | step2         | 0.58 | 0.75
            self-referral or GP                | selfOrGp      | 0.75 | 0.95
            a second referral                  | reReferred    | 0.03 | 0.12
            contacts not attended (DNA)        | dna           | 0.07 | 0.13
            contacts cancelled                 | cancelled     | 0.02 | 0.08
            PHQ-9s with item 9 at 1 or more    | item9         | 0.10 | 0.22
            referrals stepped up from 2 to 3   | steppedUp     | 0.02 | 0.10
            ended referrals that dropped out   | droppedOut    | 0.12 | 0.30
            ended referrals that completed     | completed     | 0.60 | 0.85
            ended at assessment                | endedAtAssess | 0.05 | 0.20
            assessed within 6 weeks            | assessedIn6   | 0.88 | 0.99
            """)
    void theMixLooksLikeATalkingTherapiesCaseload(String name, String figure, double low, double high) {
        List<DemoReferral> referrals = referrals();
        List<Contact> contacts = referrals.stream().flatMap(r -> r.contacts().stream()).toList();
        List<DemoReferral> ended = referrals.stream().filter(r -> r.status() == ReferralStatus.ENDED).toList();
        List<Score> phq9 = contacts.stream().flatMap(c -> c.scores().stream())
                .filter(s -> s.measure() == MeasureCode.PHQ9).toList();
        double value = switch (figure) {
            case "step2" -> share(referrals, r -> r.referral().step() == 2);
            case "selfOrGp" -> share(referrals, r -> r.referral().source() == ReferralSource.SELF
                    || r.referral().source() == ReferralSource.GP);
            case "reReferred" -> share(caseload().patients(), p -> p.referrals().size() == 2);
            case "dna" -> share(contacts, c -> c.attendance() == Attendance.DNA);
            case "cancelled" -> share(contacts, c -> c.attendance() == Attendance.CANCELLED_BY_PATIENT
                    || c.attendance() == Attendance.CANCELLED_BY_SERVICE);
            case "item9" -> share(phq9, s -> s.items().get(8) >= 1);
            case "steppedUp" -> share(referrals, r -> r.steps().size() > 1);
            case "droppedOut" -> share(ended, r -> r.endReason() == EndReason.DROPPED_OUT);
            case "completed" -> share(ended, r -> r.endReason() == EndReason.COMPLETED);
            case "endedAtAssess" -> share(ended, r -> r.contacts().stream()
                    .noneMatch(c -> c.attendance().attended() && c.type().isTreatment()));
            case "assessedIn6" -> share(referrals.stream().filter(r -> firstAssessment(r) != null).toList(),
                    r -> ChronoUnit.DAYS.between(r.referral().referralDate(), firstAssessment(r)) <= 42);
            default -> throw new IllegalArgumentException(figure);
        };
        assertTrue(value >= low && value <= high, name + ": " + value);
    }

    @Test
    void everyProblemDescriptorOfTheMixAppears() {
        Set<String> problems = referrals().stream().map(r -> r.referral().problemDescriptor())
                .collect(Collectors.toSet());

        assertEquals(Set.of("F32", "F33", "F41.1", "F41.2", "F41.0", "F40.1", "F40.0", "F42", "F43.1", "F45.2",
                "F40.2"), problems);
    }

    @Test
    void eachContactIsAtTheStepInForceOnItsDate() {
        for (DemoReferral referral : referrals()) {
            List<StepChange> steps = referral.steps();
            assertEquals(new StepChange(referral.referral().referralDate(), referral.referral().step()),
                    steps.getFirst(), "the first step is the step at referral");
            for (StepChange change : steps.subList(1, steps.size())) {
                assertEquals(3, change.step(), "later changes step up");
                assertFalse(change.effectiveDate().isAfter(TODAY));
            }
            Referral asReferral = new Referral(null, 0, referral.referral().referralDate(),
                    referral.referral().source(), referral.referral().problemDescriptor(), referral.status(),
                    referral.endDate(), referral.endReason(), steps, true);
            for (Contact contact : referral.contacts()) {
                assertEquals(asReferral.stepOn(contact.date()), contact.step());
            }
        }
    }

    @ParameterizedTest(name = "step {0}: {1} to {2} treatment sessions")
    @CsvSource({"2, 6, 8", "3, 12, 20"})
    void completedCoursesRunTheUsualNumberOfSessions(int step, int fewest, int most) {
        List<DemoReferral> completed = referrals().stream()
                .filter(r -> r.endReason() == EndReason.COMPLETED && r.steps().size() == 1
                        && r.referral().step() == step)
                .toList();

        assertFalse(completed.isEmpty());
        for (DemoReferral referral : completed) {
            long sessions = referral.contacts().stream()
                    .filter(c -> c.attendance().attended() && c.type().isTreatment()).count();
            assertTrue(sessions >= fewest && sessions <= most, "sessions " + sessions);
        }
    }

    @ParameterizedTest(name = "step {0}")
    @ValueSource(ints = {2, 3})
    void treatmentContactsRecordEveryTherapyTheTableOffersAtTheStepAndNoOther(int step) {
        Set<String> codes = CATALOGUE.therapiesForStep(step).stream().map(Therapy::snomedCode)
                .collect(Collectors.toSet());
        Set<String> seen = new HashSet<>();
        for (DemoReferral referral : referrals()) {
            for (Contact contact : referral.contacts()) {
                boolean delivered = contact.attendance().attended() && contact.type().isTreatment();
                if (delivered && contact.step() == step) {
                    assertTrue(codes.contains(contact.therapyType()), contact.therapyType());
                    seen.add(contact.therapyType());
                } else if (!delivered) {
                    assertNull(contact.therapyType());
                }
            }
        }
        assertEquals(codes, seen, "every therapy of the step is used");
    }

    @ParameterizedTest(name = "{0}: only {1}")
    @CsvSource(delimiter = '|', textBlock = """
            F43.1 | 304891004 449030000
            F42   | 304891004
            F41.2 | 304891004 286711000000107
            """)
    void stepThreeTherapiesFitTheProblem(String problem, String fitting) {
        Set<String> allowed = Set.of(fitting.split(" "));
        Set<String> seen = referrals().stream().filter(r -> r.referral().problemDescriptor().equals(problem))
                .flatMap(r -> r.contacts().stream())
                .filter(c -> c.attendance().attended() && c.type().isTreatment() && c.step() == 3)
                .map(Contact::therapyType).collect(Collectors.toSet());

        assertEquals(allowed, seen);
    }

    @Test
    void anAssessmentAndTreatmentContactOpensAStepTwoCourseInsteadOfAnAssessment() {
        int opened = 0;
        for (DemoReferral referral : referrals()) {
            List<Contact> attended = referral.contacts().stream().filter(c -> c.attendance().attended()).toList();
            for (int i = 0; i < attended.size(); i++) {
                Contact contact = attended.get(i);
                if (contact.type() == ContactType.ASSESSMENT_AND_TREATMENT) {
                    assertEquals(0, i, "the first attended contact");
                    assertEquals(2, contact.step());
                    assertNotNull(contact.therapyType(), "a treatment contact records its therapy");
                    assertTrue(attended.stream().noneMatch(c -> c.type() == ContactType.ASSESSMENT),
                            "no separate assessment");
                    opened++;
                }
            }
        }
        assertTrue(opened >= 100, "assessment-and-treatment contacts " + opened);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            assessment            | ASSESSMENT | 0 | 50 | 65
            step 2 treatment      | TREATMENT  | 2 | 27 | 33
            step 3 treatment      | TREATMENT  | 3 | 50 | 60
            """)
    void sessionsLastAsLongAsUsual(String name, ContactType type, int step, double low, double high) {
        double mean = referrals().stream().flatMap(r -> r.contacts().stream())
                .filter(c -> c.minutes() != null && c.type() == type && (step == 0 || c.step() == step))
                .mapToInt(Contact::minutes).average().orElseThrow();

        assertTrue(mean >= low && mean <= high, name + " mean minutes " + mean);
    }

    @ParameterizedTest(name = "step {0}: mostly {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2 | TELEPHONE VIDEO
            3 | FACE_TO_FACE VIDEO
            """)
    void treatmentIsDeliveredByTheUsualMediaOfTheStep(int step, String usual) {
        Set<Medium> media = new HashSet<>();
        for (String name : usual.split(" ")) {
            media.add(Medium.valueOf(name));
        }
        List<Contact> treatment = referrals().stream().flatMap(r -> r.contacts().stream())
                .filter(c -> c.type().isTreatment() && c.step() == step).toList();

        assertTrue(share(treatment, c -> media.contains(c.medium())) >= 0.75);
    }

    @Test
    void theCaseloadHoldsTheSituationsAPractitionerMustNotice() {
        List<DemoReferral> open = referrals().stream().filter(r -> r.endDate() == null).toList();
        assertAll(
                () -> assertTrue(open.stream().anyMatch(r -> !treated(r)
                        && ChronoUnit.DAYS.between(r.referral().referralDate(), TODAY) > 42), "waiting over 6 weeks"),
                () -> assertTrue(open.stream().anyMatch(r -> treated(r)
                        && ChronoUnit.DAYS.between(lastAttended(r).date(), TODAY) > 28), "no contact for 4 weeks"),
                () -> assertTrue(open.stream().anyMatch(r -> treated(r)
                        && lastAttended(r).scores().isEmpty()), "latest attended contact without PHQ-9"));
    }

    @Test
    void everyReferralRecordsEmploymentAtItsStartAndAtItsEndOnceEnded() {
        for (DemoReferral referral : referrals()) {
            Employment employment = referral.employment();
            boolean seen = referral.contacts().stream().anyMatch(c -> c.attendance().attended());
            assertAll(
                    () -> assertNotNull(employment.atStart(), "status at the start"),
                    () -> assertEquals(referral.endDate() != null, employment.atEnd() != null,
                            "status at the end exactly when ended"),
                    () -> assertTrue(seen || !employment.support(), "support only once seen"));
        }
    }

    @ParameterizedTest(name = "{0}: WSAS work item not applicable in {1} to {2}")
    @CsvSource({"RETIRED, 0.6, 1.0", "EMPLOYED, 0.0, 0.1"})
    void theWsasWorkItemFollowsEmployment(EmploymentStatus status, double low, double high) {
        List<Score> wsas = referrals().stream().filter(r -> r.employment().atStart() == status)
                .flatMap(r -> r.contacts().stream()).flatMap(c -> c.scores().stream())
                .filter(s -> s.measure() == MeasureCode.WSAS).toList();
        double notApplicable = share(wsas, s -> s.items().getFirst() == null);

        assertTrue(notApplicable >= low && notApplicable <= high, status + ": " + notApplicable);
    }

    @Test
    void aReferralBecomesTheReferralAStoreKeepsWithItsEmployment() {
        DemoReferral ended = referrals().stream().filter(r -> r.endDate() != null && r.steps().size() > 1)
                .findFirst().orElseThrow();

        Referral stored = ended.toReferral();

        assertAll(
                () -> assertNull(stored.id()),
                () -> assertNull(stored.uuid()),
                () -> assertEquals(ended.referral().referralDate(), stored.referralDate()),
                () -> assertEquals(ended.referral().source(), stored.source()),
                () -> assertEquals(ended.referral().problemDescriptor(), stored.problemDescriptor()),
                () -> assertEquals(ended.status(), stored.status()),
                () -> assertEquals(ended.endDate(), stored.endDate()),
                () -> assertEquals(ended.endReason(), stored.endReason()),
                () -> assertEquals(ended.steps(), stored.steps()),
                () -> assertEquals(ended.employment(), stored.employment()),
                () -> assertNotNull(stored.employment().atEnd()),
                () -> assertTrue(stored.demo()));
    }

    @Test
    void aReferralBecomesTheRecordTheClinicalRulesRead() {
        DemoReferral referral = referrals().stream()
                .filter(r -> r.contacts().stream().anyMatch(c -> c.riskReview() != null))
                .findFirst().orElseThrow();
        RiskLevel latest = null;
        for (Contact contact : referral.contacts()) {
            if (contact.riskReview() != null) {
                latest = contact.riskReview().level();
            }
        }

        ReferralRecord record = referral.toRecord("demo-1");

        assertAll(
                () -> assertEquals("demo-1", record.key()),
                () -> assertEquals(referral.referral().referralDate(), record.referralDate()),
                () -> assertEquals(referral.endDate(), record.endDate()),
                () -> assertEquals(referral.endReason(), record.endReason()),
                () -> assertEquals(referral.referral().problemDescriptor(), record.problemDescriptor()),
                () -> assertEquals(referral.contacts().size(), record.contacts().size()));
        assertEquals(latest, record.recordedRiskLevel());
        for (int i = 0; i < record.contacts().size(); i++) {
            Contact contact = referral.contacts().get(i);
            var seen = record.contacts().get(i);
            assertEquals(List.of(contact.date(), contact.type(), contact.attendance(), contact.medium(),
                            contact.step(), contact.scores()),
                    List.of(seen.date(), seen.type(), seen.attendance(), seen.medium(), seen.step(), seen.scores()));
        }
    }

    private static boolean treated(DemoReferral referral) {
        return referral.contacts().stream().anyMatch(c -> c.attendance().attended() && c.type().isTreatment());
    }

    private static Contact lastAttended(DemoReferral referral) {
        return referral.contacts().stream().filter(c -> c.attendance().attended()).reduce((a, b) -> b).orElseThrow();
    }

    private static LocalDate firstAssessment(DemoReferral referral) {
        return referral.contacts().stream()
                .filter(c -> c.attendance().attended() && c.type().isAssessment())
                .map(Contact::date).findFirst().orElse(null);
    }

    private static List<String> nhsNumbers(DemoCaseload caseload) {
        List<String> numbers = new ArrayList<>();
        for (DemoPatient patient : caseload.patients()) {
            numbers.add(patient.patient().nhsNumber().digits());
        }
        return numbers;
    }

    private static <T> long distinct(List<T> values, java.util.function.Function<T, ?> key) {
        return values.stream().map(key).distinct().count();
    }

    private static <T> double share(List<T> values, Predicate<T> test) {
        return (double) values.stream().filter(test).count() / values.size();
    }
}
