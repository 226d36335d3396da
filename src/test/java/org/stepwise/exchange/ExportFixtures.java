package org.stepwise.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.contact.RiskLevel;
import org.stepwise.domain.contact.RiskReview;
import org.stepwise.domain.measure.Score;
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

/** Stored-looking domain objects for export tests: invented people, 999-range NHS numbers, telling notes. */
final class ExportFixtures {

    static final String NHS = "9990000018";
    static final String GIVEN = "Zebedee";
    static final String FAMILY = "Quillfeather";
    static final String NOTE = "Talked about the allotment and sleeping badly";
    static final String RISK_NOTE = "Safety plan agreed with sister";
    static final String THERAPY = "748051000000105";

    private ExportFixtures() {
    }

    static Patient patient(long id, LocalDate dateOfBirth) {
        return new Patient(id, NhsNumber.parse(NHS), GIVEN, FAMILY, dateOfBirth, Gender.NON_BINARY, Ethnicity.H,
                "07700 900123", "zq@example.org", "1 Test Row, Testtown", "ZZ1 1ZZ", "Test Surgery");
    }

    static Patient patient(long id) {
        return patient(id, LocalDate.of(1990, 4, 12));
    }

    /** The UUID a stored referral of this id was given (made from the id, so tests can name it). */
    static UUID uuid(long id) {
        return OutcomeFiles.uuid(id);
    }

    static Referral open(long id, long patientId, LocalDate referralDate, String problem) {
        return open(id, patientId, referralDate, problem, Employment.NOT_RECORDED);
    }

    static Referral open(long id, long patientId, LocalDate referralDate, String problem, Employment employment) {
        return new Referral(id, uuid(id), patientId, referralDate, ReferralSource.GP, problem,
                ReferralStatus.IN_TREATMENT, null, null, List.of(new StepChange(referralDate, 2)), employment, false);
    }

    static Referral ended(long id, long patientId, LocalDate referralDate, LocalDate endDate) {
        return new Referral(id, uuid(id), patientId, referralDate, ReferralSource.SELF, "F41.1", ReferralStatus.ENDED,
                endDate, EndReason.COMPLETED,
                List.of(new StepChange(referralDate, 2), new StepChange(endDate.minusDays(30), 3)),
                new Employment(EmploymentStatus.LONG_TERM_SICK_OR_DISABLED, EmploymentStatus.EMPLOYED, true), false);
    }

    /** Contacts of one referral, built in a few calls; ids count up in the order they are added. */
    static final class Contacts {
        private final long referralId;
        private final List<Contact> contacts = new ArrayList<>();
        private long nextId;

        Contacts(long referralId, long firstId) {
            this.referralId = referralId;
            this.nextId = firstId;
        }

        Contacts attended(String date, ContactType type, Score... scores) {
            contacts.add(new Contact(nextId++, referralId, LocalDate.parse(date), type, Medium.VIDEO,
                    Attendance.ATTENDED, 2, 45, THERAPY, NOTE, List.of(scores),
                    new RiskReview(RiskLevel.MODERATE, RISK_NOTE, Instant.parse("2026-05-01T10:00:00Z"))));
            return this;
        }

        Contacts missed(String date) {
            contacts.add(new Contact(nextId++, referralId, LocalDate.parse(date), ContactType.TREATMENT,
                    Medium.TELEPHONE, Attendance.DNA, 3, null, null, null, List.of(), null));
            return this;
        }

        List<Contact> list() {
            return List.copyOf(contacts);
        }
    }
}
