package org.stepwise.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.StoreAccess;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.outcome.OutcomeClassifier;
import org.stepwise.domain.outcome.OutcomeSummary;
import org.stepwise.domain.referral.EndReason;
import org.stepwise.domain.patient.Ethnicity;
import org.stepwise.domain.patient.Gender;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.domain.measure.ProblemDescriptor;
import org.stepwise.domain.referral.ReferralStatus;
import org.stepwise.ui.caseload.CaseloadViewModel;
import org.stepwise.ui.caseload.NewReferralViewModel;
import org.stepwise.ui.lock.FirstRunViewModel;
import org.stepwise.ui.lock.UnlockViewModel;
import org.stepwise.ui.outcomes.OutcomesViewModel;
import org.stepwise.ui.outcomes.OutcomesViewModel.FixableReferral;
import org.stepwise.ui.patient.PatientViewModel;
import org.stepwise.ui.session.SessionViewModel;
import org.stepwise.ui.testing.InMemoryCaseloadStore;
import org.stepwise.ui.testing.InMemoryStoreAccess;
import org.stepwise.ui.testing.InPlace;
import org.stepwise.ui.testing.RecordingDialogs;

class ShellViewModelTest {

    private static final PractitionerProfile PROFILE = new PractitionerProfile("Sam Patel", Role.HIT, "RX1", false);

    private ShellViewModel shell(StoreAccess access) {
        return new ShellViewModel(access, InPlace.runner(), new RecordingDialogs(), Clock.systemDefaultZone());
    }

    @Test
    void withNoStoreTheFirstRunFormOpensAndThenTheEmptyCaseloadWithThePractitionerInTheHeader() {
        InMemoryStoreAccess access = new InMemoryStoreAccess();
        ShellViewModel shell = shell(access);
        assertInstanceOf(Screen.Starting.class, shell.navigation().screenProperty().get(), "nothing but progress until the store has been looked for");

        shell.start();
        FirstRunViewModel firstRun = assertInstanceOf(FirstRunViewModel.class, Shown.model(shell));
        assertEquals(0, access.prepared(), "there is nothing to unlock");
        firstRun.passphrase().set("correct horse battery");
        firstRun.confirmation().set("correct horse battery");
        firstRun.name().set("Jane Smith");
        firstRun.role().set(Role.PWP);
        firstRun.serviceCode().set("RX1");
        firstRun.create();

        CaseloadViewModel caseload = assertInstanceOf(CaseloadViewModel.class, Shown.model(shell));
        assertTrue(caseload.visibleLines().isEmpty());
        assertEquals("Jane Smith", shell.practitionerNameProperty().get());
        assertEquals("Psychological wellbeing practitioner", shell.practitionerRoleProperty().get());
    }

    @Test
    void withAStoreUnlockOpensAndThenTheCaseload() {
        InMemoryCaseloadStore store = new InMemoryCaseloadStore(PROFILE);
        store.add("9434765919", "Ada", "Lovelace", LocalDate.of(1985, 12, 10), LocalDate.of(2025, 6, 2), 3,
                ReferralStatus.REFERRED);
        InMemoryStoreAccess access = new InMemoryStoreAccess("correct horse battery", store);
        ShellViewModel shell = shell(access);

        shell.start();
        UnlockViewModel unlock = assertInstanceOf(UnlockViewModel.class, Shown.model(shell));
        assertEquals(1, access.prepared(), "the unlock is got ready while the passphrase is typed");
        unlock.passphrase().set("correct horse battery");
        unlock.unlock();

        CaseloadViewModel caseload = assertInstanceOf(CaseloadViewModel.class, Shown.model(shell));
        assertEquals(1, caseload.visibleLines().size());
        assertEquals("High-intensity therapist", shell.practitionerRoleProperty().get());
    }

    @Test
    void aSavedReferralReturnsToTheSameCaseloadWithTheNewRowSelected() {
        InMemoryStoreAccess access = new InMemoryStoreAccess("correct horse battery", new InMemoryCaseloadStore(PROFILE));
        ShellViewModel shell = shell(access);
        shell.start();
        UnlockViewModel unlock = (UnlockViewModel) Shown.model(shell);
        unlock.passphrase().set("correct horse battery");
        unlock.unlock();
        CaseloadViewModel caseload = (CaseloadViewModel) Shown.model(shell);

        caseload.newReferral();
        NewReferralViewModel form = assertInstanceOf(NewReferralViewModel.class, Shown.model(shell));
        assertEquals(3, form.step().value(), "a high-intensity therapist's referral starts at step 3");
        form.nhsNumber().set("9434765919");
        form.givenName().set("Ada");
        form.familyName().set("Lovelace");
        form.dateOfBirth().set("10/12/1985");
        form.gender().set(Gender.FEMALE);
        form.ethnicity().set(Ethnicity.Z);
        form.save();

        assertSame(caseload, Shown.model(shell));
        assertEquals(1, caseload.visibleLines().size());
        assertEquals(caseload.visibleLines().getFirst(), caseload.lineToSelectProperty().get());
    }

    @Test
    void closingClosesTheOpenStoreBeforeTheWindowGoes() {
        InMemoryCaseloadStore store = new InMemoryCaseloadStore(PROFILE);
        ShellViewModel shell = shell(new InMemoryStoreAccess("correct horse battery", store));
        shell.start();
        UnlockViewModel unlock = (UnlockViewModel) Shown.model(shell);
        unlock.passphrase().set("correct horse battery");
        unlock.unlock();
        List<Boolean> closedWhenWindowWent = new ArrayList<>();

        shell.close(() -> closedWhenWindowWent.add(store.isClosed()));

        assertEquals(List.of(true), closedWhenWindowWent);
    }

    @Test
    void closingWhileTheStoreIsBeingUnlockedClosesItOnceItOpens() {
        InMemoryCaseloadStore store = new InMemoryCaseloadStore(PROFILE);
        InPlace.Held held = new InPlace.Held();
        ShellViewModel shell = new ShellViewModel(new InMemoryStoreAccess("correct horse battery", store),
                held.runner(), new RecordingDialogs(), Clock.systemDefaultZone());
        shell.start();
        held.runNext();
        UnlockViewModel unlock = (UnlockViewModel) Shown.model(shell);
        unlock.passphrase().set("correct horse battery");
        unlock.unlock();
        List<Boolean> closedWhenWindowWent = new ArrayList<>();

        shell.close(() -> closedWhenWindowWent.add(store.isClosed()));
        while (held.waiting() > 0) {
            held.runNext();
        }

        assertEquals(List.of(true), closedWhenWindowWent);
        assertInstanceOf(UnlockViewModel.class, Shown.model(shell), "the caseload does not open");
    }

    @Test
    void aStoreFolderThatCannotBeReadSaysWhy() {
        StoreAccess broken = new StoreAccess() {
            @Override public boolean exists() { throw new StoreException("The data folder cannot be read."); }
            @Override public CaseloadStore create(char[] passphrase, PractitionerProfile profile) { throw new AssertionError(); }
            @Override public CaseloadStore unlock(char[] passphrase) { throw new AssertionError(); }
        };
        ShellViewModel shell = shell(broken);

        shell.start();

        assertEquals("The data folder cannot be read.", shell.failureProperty().get());
        assertInstanceOf(Screen.Starting.class, shell.navigation().screenProperty().get());
    }

    @Test
    void aReferralOpensOnThePatientScreenAndBackReturnsToTheSameCaseloadWithItSelectedAndReloaded() {
        InMemoryCaseloadStore store = new InMemoryCaseloadStore(PROFILE);
        store.add("9434765919", "Ada", "Lovelace", LocalDate.of(1985, 12, 10), LocalDate.of(2025, 6, 2), 3,
                ReferralStatus.REFERRED);
        long referralId = store.add("9990000018", "Alan", "Turing", LocalDate.of(1972, 6, 23),
                LocalDate.of(2025, 6, 1), 2, ReferralStatus.REFERRED).referralId();
        ShellViewModel shell = shell(new InMemoryStoreAccess("correct horse battery", store));
        shell.start();
        UnlockViewModel unlock = assertInstanceOf(UnlockViewModel.class, Shown.model(shell));
        unlock.passphrase().set("correct horse battery");
        unlock.unlock();
        CaseloadViewModel caseload = assertInstanceOf(CaseloadViewModel.class, Shown.model(shell));

        shell.navigation().openReferral(referralId);
        PatientViewModel patient = assertInstanceOf(PatientViewModel.class, Shown.model(shell));
        assertEquals("Turing, Alan", patient.nameProperty().get());
        store.setStatus(referralId, ReferralStatus.IN_TREATMENT);

        patient.back();
        assertSame(caseload, Shown.model(shell));
        assertEquals(referralId, caseload.lineToSelectProperty().get().row().referralId());
        assertEquals(ReferralStatus.IN_TREATMENT, caseload.lineToSelectProperty().get().row().status(),
                "the caseload shows what changed meanwhile");
    }

    @Test
    void outcomesOpenWithTheClinicalEnginesFiguresForTheStoredReferralsAndGoBackToTheCaseload() {
        InMemoryCaseloadStore store = new InMemoryCaseloadStore(PROFILE);
        LocalDate referred = LocalDate.now().minusDays(60);
        long recovered = store.add("9434765919", "Ada", "Lovelace", LocalDate.of(1985, 12, 10), referred, 2,
                ReferralStatus.IN_TREATMENT).referralId();
        long unpaired = store.add("9990000018", "Grace", "Hopper", LocalDate.of(1976, 5, 2), referred, 2,
                ReferralStatus.IN_TREATMENT).referralId();
        contact(store, recovered, referred.plusDays(7), ContactType.ASSESSMENT, 15, 12);
        contact(store, recovered, referred.plusDays(14), ContactType.TREATMENT, 11, 9);
        contact(store, recovered, referred.plusDays(21), ContactType.TREATMENT, 6, 5);
        contact(store, unpaired, referred.plusDays(7), ContactType.TREATMENT, 15, 12);
        contact(store, unpaired, referred.plusDays(14), ContactType.TREATMENT, null, null);
        store.setProblemDescriptor(recovered, org.stepwise.domain.measure.MeasureCatalogue.standard().descriptor("F41.1").orElseThrow());
        store.endReferral(recovered, referred.plusDays(30), EndReason.COMPLETED);
        store.endReferral(unpaired, referred.plusDays(30), EndReason.DROPPED_OUT);
        ShellViewModel shell = shell(new InMemoryStoreAccess("correct horse battery", store));
        shell.start();
        UnlockViewModel unlock = (UnlockViewModel) Shown.model(shell);
        unlock.passphrase().set("correct horse battery");
        unlock.unlock();
        CaseloadViewModel caseload = (CaseloadViewModel) Shown.model(shell);

        shell.navigation().outcomes();

        OutcomesViewModel outcomes = assertInstanceOf(OutcomesViewModel.class, Shown.model(shell));
        OutcomeClassifier classifier = new OutcomeClassifier(MeasureCatalogue.standard());
        outcomes.fromProperty().set(referred);
        OutcomeSummary expected = OutcomeSummary.of(store.referralRecords().stream()
                .filter(r -> r.problemDescriptor() != null).map(classifier::classify).toList(),
                new org.stepwise.domain.outcome.ReportingPeriod(referred, outcomes.toProperty().get()));
        assertEquals(expected, outcomes.summaryProperty().get());
        assertEquals(1, expected.finishedTreatment(), "the referral without a problem descriptor is left out");
        assertEquals(1, expected.recovered());
        assertEquals(Set.of("Hopper, Grace"),
                outcomes.fixable().stream().map(FixableReferral::name).collect(Collectors.toSet()),
                "the referral to fix (no problem descriptor; unpaired) is named as on the caseload");

        outcomes.back();
        assertSame(caseload, Shown.model(shell));
    }

    private static void contact(InMemoryCaseloadStore store, long referralId, LocalDate date, ContactType type,
            Integer phq9, Integer gad7) {
        MeasureCatalogue catalogue = MeasureCatalogue.standard();
        List<Score> scores = new ArrayList<>();
        if (phq9 != null) {
            scores.add(catalogue.definition(MeasureCode.PHQ9).score(items(phq9, 9)));
            scores.add(catalogue.definition(MeasureCode.GAD7).score(items(gad7, 7)));
        }
        store.saveContact(new Contact(null, referralId, date, type, Medium.TELEPHONE, Attendance.ATTENDED, 2, 30, null,
                null, scores, null));
    }

    /** A total spread over the items, 3 at most each, the last item (PHQ-9's item 9) left at 0. */
    private static List<Integer> items(int total, int count) {
        List<Integer> answers = new ArrayList<>();
        int left = total;
        for (int i = 0; i < count; i++) {
            int answer = i < count - 1 ? Math.min(3, left) : 0;
            answers.add(answer);
            left -= answer;
        }
        return answers;
    }

    @Test
    void outcomesExportAndAuditDoNotOpenOverASessionBeingTyped() {
        InMemoryCaseloadStore store = new InMemoryCaseloadStore(PROFILE);
        long referralId = store.add("9434765919", "Ada", "Lovelace", LocalDate.of(1985, 12, 10),
                LocalDate.now().minusDays(20), 2, ReferralStatus.ASSESSED).referralId();
        ShellViewModel shell = shell(new InMemoryStoreAccess("correct horse battery", store));
        shell.start();
        UnlockViewModel unlock = (UnlockViewModel) Shown.model(shell);
        unlock.passphrase().set("correct horse battery");
        unlock.unlock();
        shell.navigation().openReferral(referralId);
        ((PatientViewModel) Shown.model(shell)).newSession();
        SessionViewModel session = assertInstanceOf(SessionViewModel.class, Shown.model(shell));
        session.measure(MeasureCode.PHQ9).textProperty().set("1111");

        shell.navigation().outcomes();
        assertSame(session, Shown.model(shell), "what is typed stays on the screen");
        shell.navigation().export();
        assertSame(session, Shown.model(shell), "Ctrl+E does not drop the session being typed");
        shell.navigation().audit();
        assertSame(session, Shown.model(shell), "nor does the audit log");
    }

    @Test
    void aFailedDailyBackupShowsInTheBannerUntilBackUpNowWritesOne() {
        InMemoryCaseloadStore store = new InMemoryCaseloadStore(PROFILE);
        store.failDailyBackup();
        ShellViewModel shell = shell(new InMemoryStoreAccess("correct horse battery", store));
        shell.start();
        UnlockViewModel unlock = (UnlockViewModel) Shown.model(shell);
        unlock.passphrase().set("correct horse battery");
        unlock.unlock();

        assertEquals("Today's backup could not be written: the disk is full. Your work is saved in the store. "
                + "To back up, free some space on the disk, then choose Back up now.", shell.storeStatus().backupProblemProperty().get());
        shell.storeStatus().backUpNow();
        assertTrue(shell.storeStatus().backupProblemProperty().get().startsWith("The backup could still not be written: the disk is full."),
                shell.storeStatus().backupProblemProperty().get());
        store.failBackups(false);
        shell.storeStatus().backUpNow();
        assertEquals("", shell.storeStatus().backupProblemProperty().get());
        assertEquals(false, shell.storeStatus().backingUpProperty().get());
    }

    /** A shell whose store work waits in {@code held}, over a store holding one referral, unlocked. */
    private static ShellViewModel unlockedOnHeldRunner(InMemoryCaseloadStore store, InPlace.Held held) {
        store.add("9434765919", "Ada", "Lovelace", LocalDate.of(1985, 12, 10), LocalDate.of(2025, 6, 2), 3,
                ReferralStatus.REFERRED);
        ShellViewModel shell = new ShellViewModel(new InMemoryStoreAccess("correct horse battery", store),
                held.runner(), new RecordingDialogs(), Clock.systemDefaultZone());
        shell.start();
        runAll(held);
        UnlockViewModel unlock = (UnlockViewModel) Shown.model(shell);
        unlock.passphrase().set("correct horse battery");
        unlock.unlock();
        return shell;
    }

    private static void runAll(InPlace.Held held) {
        while (held.waiting() > 0) {
            held.runNext();
        }
    }

    /** What the window shows as the day's backup begins: the caseload's line count, and the banner. */
    private static String shownAsTheBackupBegins(ShellViewModel shell) {
        return (Shown.model(shell) instanceof CaseloadViewModel caseload
                ? caseload.visibleLines().size() + " lines" : "no caseload")
                + ", banner '" + shell.storeStatus().backupProblemProperty().get() + "'";
    }

    @Test
    void theCaseloadIsHandedToTheWindowBeforeTheDaysBackupRunsOnceAfterTheUnlock() {
        InMemoryCaseloadStore store = new InMemoryCaseloadStore(PROFILE);
        InPlace.Held held = new InPlace.Held();
        List<String> seen = new ArrayList<>();
        ShellViewModel[] shell = new ShellViewModel[1];
        store.onDailyBackup(() -> seen.add(shownAsTheBackupBegins(shell[0])));

        shell[0] = unlockedOnHeldRunner(store, held);
        assertEquals(List.of(), seen, "the unlock itself makes no backup");
        runAll(held);

        assertEquals(List.of("1 lines, banner ''"), seen);
        assertEquals(1, store.dailyBackups());
    }

    @Test
    void aDaysBackupThatFailsAfterTheCaseloadShowedBringsUpTheBanner() {
        InMemoryCaseloadStore store = new InMemoryCaseloadStore(PROFILE);
        store.failDailyBackup();
        InPlace.Held held = new InPlace.Held();
        List<String> seen = new ArrayList<>();
        ShellViewModel[] shell = new ShellViewModel[1];
        store.onDailyBackup(() -> seen.add(shownAsTheBackupBegins(shell[0])));

        shell[0] = unlockedOnHeldRunner(store, held);
        runAll(held);

        assertEquals(List.of("1 lines, banner ''"), seen, "no banner until the backup has failed");
        assertTrue(shell[0].storeStatus().backupProblemProperty().get().startsWith("Today's backup could not be written: the disk is full."),
                shell[0].storeStatus().backupProblemProperty().get());
    }

    @Test
    void theUnlocksAuditFindingIsShownUnderTheHeaderOnceTheCaseloadIsOpen() {
        InMemoryCaseloadStore store = new InMemoryCaseloadStore(PROFILE);
        store.findAuditProblem("events were removed from the end of the audit log: it ends at event 4, "
                + "but event 7 had been written");
        InPlace.Held held = new InPlace.Held();

        ShellViewModel shell = unlockedOnHeldRunner(store, held);
        runAll(held);

        assertEquals("The audit log's check at unlock found a problem: events were removed from the end of the "
                + "audit log: it ends at event 4, but event 7 had been written. Your caseload is open as usual. "
                + "Tell whoever looks after your service's records; the Audit log shows the finding.",
                shell.storeStatus().auditProblemProperty().get());
        assertInstanceOf(CaseloadViewModel.class, Shown.model(shell));
    }

    @Test
    void theUnlocksCheckOfTheStoreShowsWhatIsDamagedAndTheNewestBackupThatVerifies() {
        InMemoryCaseloadStore store = new InMemoryCaseloadStore(PROFILE);
        store.findDamage(new org.stepwise.domain.caseload.IntegrityReport(
                List.of("referral 3: does not match its check (damaged)", "contact 9: does not match its check (damaged)",
                        "contact 11: does not match its check (damaged)"),
                java.util.Map.of("referral", 1, "contact", 2), java.util.Optional.of("caseload-2026-12-07-101500.zip")));
        InPlace.Held held = new InPlace.Held();

        ShellViewModel shell = unlockedOnHeldRunner(store, held);
        assertEquals("", shell.storeStatus().damageProperty().get(), "nothing until the check has run");
        runAll(held);

        assertEquals("The store is damaged: 2 contacts, 1 referral fail their checks. No backup is made of it, and a "
                + "record that fails is not shown. The newest backup that verifies is caseload-2026-12-07-101500.zip "
                + "(in the backups folder): to go back to it, close Stepwise and run stepwise restore with that file; "
                + "the damaged store is kept aside.", shell.storeStatus().damageProperty().get());
        assertInstanceOf(CaseloadViewModel.class, Shown.model(shell));
    }

    @Test
    void aWholeStoreShowsNoDamage() {
        InMemoryCaseloadStore store = new InMemoryCaseloadStore(PROFILE);
        InPlace.Held held = new InPlace.Held();

        ShellViewModel shell = unlockedOnHeldRunner(store, held);
        runAll(held);

        assertEquals("", shell.storeStatus().damageProperty().get());
    }

    @Test
    void aWholeAuditLogShowsNoFinding() {
        InMemoryCaseloadStore store = new InMemoryCaseloadStore(PROFILE);
        InPlace.Held held = new InPlace.Held();

        ShellViewModel shell = unlockedOnHeldRunner(store, held);
        runAll(held);

        assertEquals("", shell.storeStatus().auditProblemProperty().get());
    }

    @Test
    void aDaysBackupStartedAfterTheWindowBeganClosingIsNotMade() {
        InMemoryCaseloadStore store = new InMemoryCaseloadStore(PROFILE);
        InPlace.Held held = new InPlace.Held();
        List<Runnable> started = new ArrayList<>();
        store.add("9434765919", "Ada", "Lovelace", LocalDate.of(1985, 12, 10), LocalDate.of(2025, 6, 2), 3,
                ReferralStatus.REFERRED);
        ShellViewModel shell = new ShellViewModel(new InMemoryStoreAccess("correct horse battery", store),
                held.runner(), new RecordingDialogs(), Clock.systemDefaultZone());
        shell.storeStatus().startDailyBackupWith(started::add);
        shell.startUnlocked("correct horse battery");
        runAll(held);
        assertEquals(1, started.size(), "the backup waits for its start");
        assertEquals(0, store.dailyBackups());

        shell.close(() -> { });
        started.getFirst().run();
        runAll(held);

        assertTrue(store.isClosed());
        assertEquals(0, store.dailyBackups(), "the closing backup is the day's backup");
    }

    @Test
    void aFailedClosingBackupIsToldAfterTheStoreClosedAndBeforeTheWindowGoes() {
        InMemoryCaseloadStore store = new InMemoryCaseloadStore(PROFILE);
        RecordingDialogs dialogs = new RecordingDialogs();
        ShellViewModel shell = new ShellViewModel(new InMemoryStoreAccess("correct horse battery", store),
                InPlace.runner(), dialogs, Clock.systemDefaultZone());
        shell.start();
        UnlockViewModel unlock = (UnlockViewModel) Shown.model(shell);
        unlock.passphrase().set("correct horse battery");
        unlock.unlock();
        assertEquals("", shell.storeStatus().backupProblemProperty().get(), "no banner while backups are written");

        List<String> seenWhenClosing = new ArrayList<>();
        store.failBackups(true);
        shell.close(() -> seenWhenClosing.addAll(dialogs.shown()));

        assertTrue(store.isClosed());
        assertEquals(List.of("error: The closing backup could not be written / The disk is full. Your work is saved in "
                + "the store, and Stepwise will now close. To back up today's work, free some space on the disk, then "
                + "open Stepwise and close it again."), seenWhenClosing, "said before the window closes");
    }
}
