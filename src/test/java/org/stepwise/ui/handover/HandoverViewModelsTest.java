package org.stepwise.ui.handover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.NewReferral;
import org.stepwise.domain.handover.HandoverRules;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.patient.NhsNumber;
import org.stepwise.domain.patient.Patient;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.domain.referral.ReferralSource;
import org.stepwise.exchange.ServiceKey;
import org.stepwise.store.TestStores;
import org.stepwise.ui.common.BackgroundRunner;
import org.stepwise.ui.common.FileChooserService;
import org.stepwise.ui.testing.InPlace;

/** The two handover screens' view models over real stores, with no toolkit. */
class HandoverViewModelsTest {

    @TempDir
    Path folder;
    private CaseloadStore sender;
    private CaseloadStore receiver;
    private UUID referral;
    private final BackgroundRunner runner = InPlace.runner();
    private final Clock clock = Clock.systemDefaultZone();

    @BeforeEach
    void stores() throws Exception {
        byte[] key = ServiceKey.generate().bytes();
        sender = TestStores.create(folder.resolve("a"));
        sender.saveServiceKey(key, "generated");
        long id = sender.createReferral(new Patient(null, NhsNumber.parse("9990000018"), "Ann", "Bee",
                LocalDate.of(1970, 1, 1), Gender.FEMALE, Ethnicity.A, null, null, null, null, null),
                new NewReferral(LocalDate.now().minusDays(3), ReferralSource.SELF, "F41.1", 2)).referralId();
        referral = sender.referral(id).orElseThrow().uuid();
        receiver = TestStores.access(folder.resolve("b")).create(TestStores.passphrase().toCharArray(),
                new PractitionerProfile("Sam Lee", Role.HIT, "RX1", false));
        receiver.saveServiceKey(key, "imported");
        Files.createDirectories(folder.resolve("out"));
    }

    @AfterEach
    void close() {
        sender.close();
        receiver.close();
    }

    @Test
    void theCodeShowsOnceTheFileIsWrittenAndIsForgottenOnLeaving() throws Exception {
        int[] closed = {0};
        HandOverViewModel model = new HandOverViewModel(sender, runner, FileChooserService.NONE, clock, referral,
                "Bee, Ann", folder.resolve("out"), () -> closed[0]++);
        assertFalse(model.canHandOverBinding().get(), "no colleague named yet");
        model.handOver();
        assertEquals(HandoverRules.NO_COLLEAGUE, model.problemProperty().get());
        assertTrue(model.codeProperty().get().isEmpty());

        model.colleagueProperty().set("  Sam Lee ");
        assertTrue(model.canHandOverBinding().get());
        model.handOver();
        assertTrue(model.codeProperty().get().matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){4}"), model.codeProperty().get());
        assertTrue(model.resultProperty().get().contains("for Sam Lee (0 contacts, 0 scores)"), model.resultProperty().get());
        assertFalse(model.canHandOverBinding().get(), "once only");
        assertTrue(sender.caseload().isEmpty());

        model.close();
        assertEquals(1, closed[0]);
        assertTrue(model.codeProperty().get().isEmpty(), "the code is not kept");
    }

    @Test
    void whatArrivesIsShownBeforeSavingAndForgottenWhenTheCodeChanges() throws Exception {
        HandOverViewModel handOver = new HandOverViewModel(sender, runner, FileChooserService.NONE, clock, referral,
                "Bee, Ann", folder.resolve("out"), () -> { });
        handOver.colleagueProperty().set("Sam Lee");
        handOver.handOver();
        String code = handOver.codeProperty().get();
        Path file;
        try (var files = Files.list(folder.resolve("out"))) {
            file = files.toList().getFirst();
        }

        List<Long> accepted = new ArrayList<>();
        AcceptHandoverViewModel model = new AcceptHandoverViewModel(receiver, runner, FileChooserService.NONE,
                ZoneId.systemDefault(), accepted::add, () -> { });
        model.fileProperty().set(file.toString());
        model.codeProperty().set(code);
        model.open();
        assertEquals(4, model.arriving().size());
        assertTrue(model.canAcceptBinding().get());
        assertTrue(receiver.caseload().isEmpty(), "nothing saved on opening");

        model.codeProperty().set(code + " ");
        assertTrue(model.arriving().isEmpty(), "a changed code must be opened again");
        assertFalse(model.canAcceptBinding().get());
        model.accept();
        assertTrue(accepted.isEmpty());

        model.open();
        model.accept();
        assertEquals(1, accepted.size());
        assertEquals(List.of(accepted.getFirst()), receiver.caseload().stream().map(r -> r.referralId()).toList());

        model.open();
        model.accept();
        assertEquals(HandoverRules.ALREADY_ACCEPTED, model.problemProperty().get());
        assertEquals(1, accepted.size());
    }
}
