package org.stepwise.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stepwise.domain.caseload.NewReferral;
import org.stepwise.domain.caseload.ReferralCreated;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCatalogueTestTables;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.domain.referral.ReferralSource;
import org.stepwise.chart.TrajectoryChartModel;
import org.stepwise.chart.TrajectoryChartModel.XAxis;
import org.stepwise.ui.testing.InMemoryCaseloadStore;
import org.stepwise.ui.testing.InPlace;
import org.stepwise.ui.testing.RecordingDialogs;

/**
 * A measure a service adds only through its measure table (IES-R for PTSD, a BDD questionnaire for
 * its own descriptor) is offered in session entry, scored as typed, saved, and charted with its
 * caseness line, with no code of its own (clinical-reference.md §1, "The measure table is data").
 */
class ServiceMeasureSessionTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Clock CLOCK = Clock.fixed(TODAY.atTime(10, 0).atZone(LONDON).toInstant(), LONDON);
    private static final MeasureCatalogue SERVICE =
            MeasureCatalogue.read(new StringReader(MeasureCatalogueTestTables.withServiceAdditions()));

    private final InMemoryCaseloadStore store =
            new InMemoryCaseloadStore(new PractitionerProfile("Jane Smith", Role.HIT, "RX1", false), SERVICE);
    private final List<Contact> saved = new ArrayList<>();

    private ReferralCreated referral(String problem) {
        Patient patient = new Patient(null, NhsNumber.parse("943 476 5919"), "Ada", "Lovelace",
                LocalDate.of(1985, 12, 10), Gender.FEMALE, Ethnicity.A, null, null, null, null, null);
        return store.createReferral(patient, new NewReferral(LocalDate.of(2026, 4, 1), ReferralSource.SELF, problem, 3));
    }

    private SessionViewModel session(ReferralCreated created, LocalDate date) {
        SessionViewModel session = new SessionViewModel(store, InPlace.runner(), new RecordingDialogs(), CLOCK, SERVICE,
                store.patient(created.patientId()).orElseThrow(), store.referral(created.referralId()).orElseThrow(),
                store.contacts(created.referralId()), null, saved::add, () -> { });
        session.date().set(String.format("%02d/%02d/%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear()));
        session.type().set(ContactType.TREATMENT);
        session.medium().set(Medium.VIDEO);
        session.attendance().set(Attendance.ATTENDED);
        session.minutes().set("50");
        session.measure(MeasureCode.PHQ9).textProperty().set("111111110");
        session.measure(MeasureCode.GAD7).textProperty().set("1111111");
        session.measure(MeasureCode.WSAS).textProperty().set("22222");
        return session;
    }

    @Test
    void iesROfferedForPtsdIsScoredAsTypedSavedAndCharted() {
        ReferralCreated ptsd = referral("F43.1");
        MeasureCode iesr = SERVICE.code("IESR").orElseThrow();

        SessionViewModel first = session(ptsd, LocalDate.of(2026, 5, 1));
        assertTrue(first.measures().stream().anyMatch(m -> m.definition().code() == iesr),
                "session entry offers the service's PTSD measure");
        first.measure(iesr).textProperty().set("3".repeat(22));
        assertTrue(first.measure(iesr).resultProperty().get().startsWith("66, high · at caseness"),
                first.measure(iesr).resultProperty().get());
        first.save();
        assertEquals("", first.failureProperty().get());
        SessionViewModel second = session(ptsd, LocalDate.of(2026, 5, 8));
        second.measure(iesr).textProperty().set("1".repeat(22));
        second.save();

        assertEquals(2, saved.size());
        assertEquals(0, saved.getLast().scores().stream().filter(s -> s.measure() == iesr).findFirst().orElseThrow()
                .total().compareTo(new BigDecimal("22")));

        ReferralRecord record = store.referralRecord(ptsd.referralId()).orElseThrow();
        TrajectoryChartModel chart = TrajectoryChartModel.of(record,
                store.referral(ptsd.referralId()).orElseThrow().steps(), SERVICE, List.of(), XAxis.CONTACT_NUMBER);
        TrajectoryChartModel.Panel anxiety = chart.panels().stream().filter(p -> p.measure() == iesr).findFirst()
                .orElseThrow();
        assertEquals("IES-R", anxiety.name());
        assertEquals(2, anxiety.points().size());
        assertEquals(0, anxiety.caseness().orElseThrow().value().compareTo(new BigDecimal("33")));
    }

    @Test
    void aServiceDescriptorSharingAnIcd10CodeGetsItsOwnMeasure() {
        ReferralCreated bdd = referral("BDD");
        SessionViewModel session = session(bdd, LocalDate.of(2026, 5, 1));

        assertTrue(session.measures().stream().anyMatch(m -> m.definition().code().code().equals("BDDQ")),
                "a BDD referral is offered BDD-Q, not health anxiety's HAI");
        assertTrue(session.measures().stream().noneMatch(m -> m.definition().code() == MeasureCode.HAI));
    }
}
