package org.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.store.StoreFixtures.NHS_2;
import static org.stepwise.store.StoreFixtures.PROFILE;
import static org.stepwise.store.StoreFixtures.access;
import static org.stepwise.store.StoreFixtures.passphrase;
import static org.stepwise.store.StoreFixtures.patient;
import static org.stepwise.store.StoreFixtures.referral;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.WrongPassphraseException;

/**
 * Issue 19, finding 3 and its acceptance line: a process killed at sampled points of creating a store,
 * restoring a backup and changing the passphrase (halted at the operation's named points, and killed
 * with SIGKILL at a random moment of each) leaves a data folder that opens to the old store or the new
 * one, never neither, with no working copy left behind and a sentence saying what was finished or undone.
 * The children run two at a time on copies of one store made once for the class.
 */
class LifecycleKillTest {

    static final String NEW = "a brand new passphrase";
    private static final LocalDate REFERRED = LocalDate.now().minusDays(40);
    private static final String RANDOM_MOMENT = "none";

    /** The state a folder must open to after the kill. */
    private enum Expect {
        OLD, NEW, EITHER
    }

    private record Case(String operation, String point, Expect expect) {
    }

    @TempDir
    static Path shared;
    /** A store with two referrals (the "old" store of a restore and of a passphrase change). */
    private static Path template;
    /** A backup of that store when it held one referral (the "new" store of a restore). */
    private static Path backup;

    @BeforeAll
    static void makeStoreAndBackup() {
        template = shared.resolve("template");
        backup = shared.resolve("one-referral.zip");
        try (CaseloadStore store = access(template).create(passphrase(), PROFILE)) {
            store.createReferral(patient(), referral(REFERRED, 2));
            store.backupTo(backup);
            store.createReferral(patient(NHS_2, "Second", "Person"), referral(REFERRED, 3));
        }
    }

    @Test
    void aKillAtAnyPointOfCreateRestoreOrPassphraseChangeLeavesTheOldStoreOrTheNew() throws Exception {
        List<Case> cases = List.of(
                new Case("create", Database.CREATE_WRITTEN, Expect.OLD),
                new Case("create", Database.CREATE_COMMITTED, Expect.NEW),
                new Case("create", RANDOM_MOMENT, Expect.EITHER),
                new Case("restore", StoreRestore.CHECKED, Expect.OLD),
                new Case("restore", "moved in " + KeySettings.FILE_NAME, Expect.NEW),
                new Case("restore", RANDOM_MOMENT, Expect.EITHER),
                new Case("change", PassphraseChange.Step.SETTINGS_WRITTEN.name(), Expect.OLD),
                new Case("change", PassphraseChange.Step.COMMITTED.name(), Expect.NEW),
                new Case("change", PassphraseChange.Step.SETTINGS_SWAPPED.name(), Expect.NEW),
                new Case("change", RANDOM_MOMENT, Expect.EITHER));
        Random random = new Random(19);
        ExecutorService children = Executors.newFixedThreadPool(2);
        try {
            List<Future<Path>> runs = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                Path dir = shared.resolve("case-" + i);
                int killAfterMillis = random.nextInt(600);
                if (!c.operation().equals("create")) {
                    copyStore(template, dir);
                }
                runs.add(children.submit(() -> {
                    runChild(c, dir, killAfterMillis);
                    return dir;
                }));
            }
            for (int i = 0; i < cases.size(); i++) {
                Path dir = runs.get(i).get(2, TimeUnit.MINUTES);
                check(cases.get(i), dir);
            }
        } finally {
            children.shutdownNow();
        }
    }

    private static void check(Case c, Path dir) throws Exception {
        String what = c.operation() + " stopped at " + c.point();
        switch (c.operation()) {
            case "create" -> checkCreate(c, dir, what);
            case "restore" -> checkOpens(dir, passphrase(), c.expect() == Expect.OLD ? 2 : c.expect() == Expect.NEW ? 1 : -1,
                    what);
            default -> checkChange(c, dir, what);
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<String> left = files.map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith(".") || name.startsWith("passphrase-change")
                            || name.equals(StoreJournal.FILE_NAME))
                    .toList();
            assertEquals(List.of(), left, what + ": no working copy or journal is left");
        }
    }

    private static void checkCreate(Case c, Path dir, String what) throws Exception {
        H2StoreAccess access = access(dir);
        if (!access.exists()) {
            assertTrue(c.expect() != Expect.NEW, what + ": the folder must hold the whole new store");
            try (CaseloadStore created = access.create(passphrase(), PROFILE)) {
                assertEquals(PROFILE, created.profile(), what + ": a store can be created there afterwards");
                if (Files.exists(dir)) {
                    assertTrue(created.recovered().isEmpty()
                            || created.recovered().get().contains("before the store was complete"), what);
                }
            }
            return;
        }
        assertTrue(c.expect() != Expect.OLD, what + ": no store may appear before it is complete");
        try (CaseloadStore store = access.unlock(passphrase())) {
            assertEquals(PROFILE, store.profile(), what);
            assertTrue(store.audit().verify().intact(), what);
            if (c.expect() == Expect.NEW && !c.point().equals(RANDOM_MOMENT)) {
                assertTrue(store.recovered().orElseThrow().contains("creating it was finished now"), what);
            }
        }
    }

    private static void checkChange(Case c, Path dir, String what) throws Exception {
        boolean oldWorks = opens(dir, passphrase());
        boolean newWorks = opens(dir, NEW.toCharArray());
        assertTrue(oldWorks != newWorks, what + ": exactly one passphrase opens the store");
        if (c.expect() != Expect.EITHER) {
            assertEquals(c.expect() == Expect.NEW, newWorks, what);
        }
        checkOpens(dir, newWorks ? NEW.toCharArray() : passphrase(), 2, what);
    }

    private static boolean opens(Path dir, char[] passphrase) throws Exception {
        try (CaseloadStore store = access(dir).unlock(passphrase)) {
            return true;
        } catch (WrongPassphraseException e) {
            return false;
        }
    }

    /** Opens the store and checks it holds {@code referrals} referrals (any number for -1) and a whole audit log. */
    private static void checkOpens(Path dir, char[] passphrase, int referrals, String what) throws Exception {
        assertTrue(access(dir).exists(), what + ": the folder still holds a store");
        try (CaseloadStore store = unlock(dir, passphrase, what)) {
            int held = store.caseload().size();
            if (referrals < 0) {
                assertTrue(held == 1 || held == 2, what + ": the old store (2 referrals) or the restored one (1)");
            } else {
                assertEquals(referrals, held, what);
            }
            assertTrue(store.audit().verify().intact(), () -> what + ": " + store.audit().verify());
        }
        Optional<String> sentence;
        try (CaseloadStore again = unlock(dir, passphrase, what)) {
            sentence = again.recovered();
        }
        assertEquals(Optional.empty(), sentence, what + ": what was left is dealt with once");
    }

    private static CaseloadStore unlock(Path dir, char[] passphrase, String what) {
        try {
            return access(dir).unlock(passphrase.clone());
        } catch (WrongPassphraseException e) {
            throw new AssertionError(what + ": the passphrase does not open the store", e);
        }
    }

    private static void copyStore(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (String name : StoreJournal.STORE_FILES) {
            Files.copy(from.resolve(name), to.resolve(name));
        }
    }

    /** Runs {@link LifecycleChild}; halted at its point, or killed (SIGKILL) {@code killAfterMillis} after it starts work. */
    private static void runChild(Case c, Path dir, int killAfterMillis) throws IOException, InterruptedException {
        List<String> command = ChildJvm.command();
        command.addAll(List.of(LifecycleChild.class.getName(), c.operation(), dir.toString(), c.point(),
                backup.toString()));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        process.getOutputStream().close();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("ready", out.readLine(), c + ": the child started");
            if (c.point().equals(RANDOM_MOMENT)) {
                Thread.sleep(killAfterMillis);
                process.destroyForcibly();
            } else {
                String last = out.readLine();
                assertEquals("halted at " + c.point(), last, c + ": the child reached its point");
            }
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), c + ": the child ended");
    }

    @Test
    void aRestoreKilledBeforeItsPointOfNoReturnLeavesNoCopyOfTheStoreBehind() throws Exception {
        Path dir = shared.resolve("leftover");
        copyStore(template, dir);
        StoreRestore.unpack(backup, dir.resolve(StoreJournal.RESTORE_CHECK + "20261123-101500"));
        Files.createDirectories(dir.resolve(PassphraseChange.WORK));
        Files.writeString(dir.resolve(PassphraseChange.WORK).resolve(Database.DB_FILE), "a half-made copy");
        assertThrows(WrongPassphraseException.class, () -> access(dir).unlock(NEW.toCharArray()),
                "a wrong passphrase first: the leftovers are removed, the sentence kept for the open that succeeds");

        try (CaseloadStore store = access(dir).unlock(passphrase())) {
            assertEquals(2, store.caseload().size());
            assertTrue(store.recovered().orElseThrow().startsWith("Stepwise was stopped while it restored a backup, "
                    + "before the backup replaced anything"), store.recovered().orElseThrow());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().startsWith(".restore-check")
                    || p.getFileName().toString().startsWith("passphrase-change")), "issue 19 finding 10: cleaned at the next start");
        }
        try (CaseloadStore store = access(dir).unlock(passphrase())) {
            assertEquals(Optional.empty(), store.recovered(), "said once");
        }
    }
}
