package org.stepwise.ui.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stepwise.cli.DemoCommand;
import org.stepwise.demo.DemoCaseloadGenerator;
import org.stepwise.domain.caseload.ImportCounts;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.domain.referral.ReferralStatus;
import org.stepwise.domain.testing.Referrals;
import org.stepwise.ui.testing.InMemoryCaseloadStore;

class SnapshotRendererTest {

    private static final Clock CLOCK = Clock.fixed(LocalDate.of(2026, 11, 23).atStartOfDay().toInstant(ZoneOffset.UTC),
            ZoneOffset.UTC);

    @BeforeAll
    static void platform() throws InterruptedException {
        SnapshotRenderer.startPlatform();
    }

    @Test
    void theCaseloadIsDrawnOnceItHasLoaded() throws Exception {
        InMemoryCaseloadStore store = new InMemoryCaseloadStore(new PractitionerProfile("Demo", Role.PWP, "DEMO", true));
        ImportCounts counts = store.importCaseload(DemoCommand.histories(
                new DemoCaseloadGenerator(5, LocalDate.of(2026, 11, 23)).generate(30)));
        long open = store.caseload().stream().filter(row -> row.status() != ReferralStatus.ENDED).count();
        Snapshot caseload = SnapshotScreens.all().getFirst();
        AtomicReference<Parent> drawn = new AtomicReference<>();
        Snapshot watched = Snapshot.ofScreen(caseload.name(), context -> {
            Parent screen = caseload.screen().apply(context);
            drawn.set(screen);
            return screen;
        });

        BufferedImage picture = new SnapshotRenderer(store, MeasureCatalogue.standard(), CLOCK).render(watched, -1);

        assertEquals(1366, picture.getWidth());
        assertEquals(768, picture.getHeight());
        assertEquals(open, ((TableView<?>) drawn.get().lookup("#caseload-table")).getItems().size());
        assertEquals(open + " open referrals", ((Label) drawn.get().lookup("#caseload-count")).getText());
        assertEquals(30, counts.patients());
    }

    @Test
    void aScreenThatFailsToBuildSaysSo() {
        InMemoryCaseloadStore store = new InMemoryCaseloadStore(new PractitionerProfile("Demo", Role.PWP, "DEMO", true));
        Snapshot broken = Snapshot.ofScreen("broken", context -> {
            throw new IllegalStateException("This screen cannot be built.");
        });

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> new SnapshotRenderer(store, MeasureCatalogue.standard(), CLOCK).render(broken, -1));

        assertEquals("This screen cannot be built.", failure.getMessage());
    }

    @Test
    void everyRegisteredScreenHasItsOwnName() {
        List<String> names = SnapshotScreens.all().stream().map(Snapshot::name).toList();

        assertEquals(names.stream().distinct().toList(), names);
        assertEquals("caseload", names.getFirst());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no referral                                   | ''                                       | -1
            the open referral with most attended contacts | 1 open 2; 2 open 3; 3 ended 5             | 2
            missed contacts do not count                  | 1 open 2; 2 open 1 3                      | 1
            only ended referrals: the fullest             | 1 ended 2; 2 ended 4                      | 2
            a tie goes to the lowest id                   | 7 open 2; 3 open 2; 12 open 2             | 3
            """)
    void theSampleReferralIsTheFullestOpenOne(String name, String referrals, long expected) {
        List<ReferralRecord> records = referrals.isBlank() ? List.of() : java.util.Arrays.stream(referrals.split(";"))
                .map(String::strip).map(SnapshotRendererTest::record).toList();

        assertEquals(expected, SnapshotContext.sampleReferral(records).orElse(-1L));
    }

    /** "7 open 2" is referral 7, open, with 2 attended contacts; a fourth number adds that many missed ones. */
    private static ReferralRecord record(String spec) {
        String[] parts = spec.split(" ");
        int attended = Integer.parseInt(parts[2]);
        int missed = parts.length > 3 ? Integer.parseInt(parts[3]) : 0;
        StringBuilder contacts = new StringBuilder();
        for (int i = 0; i < attended + missed; i++) {
            contacts.append(contacts.isEmpty() ? "" : "; ").append("T d").append(i + 1).append(i < attended ? "" : " DNA");
        }
        boolean ended = parts[1].equals("ended");
        ReferralRecord base = Referrals.referral("F32", ended, contacts.toString());
        return new ReferralRecord(parts[0], base.referralDate(), base.endDate(), base.endReason(),
                base.problemDescriptor(), base.contacts(), null);
    }
}
