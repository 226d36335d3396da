package org.stepwise.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.outcome.ContactRecord;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.testing.PropertyCheck;
import org.stepwise.domain.testing.ReferralGenerator;

/** What a review keeps of a referral's contacts unpacks to the same contacts, exactly. */
class PackedContactsTest {

    @Test
    void generatedContactsUnpackAsTheyWerePacked() {
        PropertyCheck.forAll(PropertyCheck.CASES, seed -> new ReferralGenerator(seed).referral(), ReferralRecord::toString,
                referral -> {
                    byte[] packed = PackedContacts.pack(referral.contacts());
                    assertEquals(referral.contacts(), PackedContacts.unpack(packed));
                    assertArrayEquals(packed, PackedContacts.pack(PackedContacts.unpack(packed)));
                });
    }

    /** Totals keep their exact decimal, scale included (2.30 is not packed as 2.3), however large. */
    @ParameterizedTest
    @CsvSource({"0", "27", "2.35", "2.30", "-1", "0.000001", "92233720368547758070", "-92233720368547758079.5",
        "1E+3"})
    void aTotalKeepsItsExactDecimal(String total) {
        List<ContactRecord> contacts = List.of(contact(new Score(MeasureCode.MI, new BigDecimal(total), null)));
        Score unpacked = PackedContacts.unpack(PackedContacts.pack(contacts)).getFirst().scores().getFirst();
        assertEquals(new BigDecimal(total), unpacked.total());
        assertEquals(new BigDecimal(total).scale(), unpacked.total().scale());
    }

    @Test
    void itemsUnansweredItemsAndMissingMinutesAreKept() {
        List<ContactRecord> contacts = List.of(
                contact(new Score(MeasureCode.PHQ9, BigDecimal.valueOf(9), Arrays.asList(1, null, 8, 0, 0, 0, 0, 0, 0))),
                new ContactRecord(LocalDate.of(1900, 1, 1), ContactType.FOLLOW_UP, Attendance.DNA, Medium.GROUP, 3, null,
                        List.of()));
        assertEquals(contacts, PackedContacts.unpack(PackedContacts.pack(contacts)));
        assertEquals(List.of(), PackedContacts.unpack(PackedContacts.pack(List.of())));
    }

    @Test
    void totalsOnlyAndItemsPackDifferently() {
        Score withItems = new Score(MeasureCode.GAD7, BigDecimal.valueOf(3), List.of(1, 1, 1, 0, 0, 0, 0));
        Score totalOnly = new Score(MeasureCode.GAD7, BigDecimal.valueOf(3), null);
        assertNotEquals(Arrays.toString(PackedContacts.pack(List.of(contact(withItems)))),
                Arrays.toString(PackedContacts.pack(List.of(contact(totalOnly)))));
    }

    private static ContactRecord contact(Score score) {
        return new ContactRecord(LocalDate.of(2026, 5, 4), ContactType.TREATMENT, Attendance.ATTENDED,
                Medium.TELEPHONE, 2, 600, List.of(score));
    }
}
