package org.stepwise.store;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.caseload.WrongPassphraseException;

/**
 * A second Stepwise process for {@link StoreProcessTest}: {@code save-then-die <dir>} creates a store,
 * saves a referral and halts at once (no shutdown hooks, nothing closed: as if killed);
 * {@code unlock <dir>} tries to open the store and prints what happened; {@code hold <dir>} keeps it
 * open until its input closes; {@code write-loop <dir> <referral>} saves contacts until it is killed;
 * {@code train <dir>} creates, fills, closes and reopens a store, for {@link ChildJvm}'s archive.
 */
public final class StoreChildProcess {

    private StoreChildProcess() {
    }

    /** PHQ-9 items of the n-th save of the crash test: they differ from save to save (item 9 stays 0). */
    static List<Integer> crashItems(long n) {
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            items.add((int) ((n + i * 7 + n / (i + 1)) % 4));
        }
        items.add(0);
        return items;
    }

    /** The n-th save of the crash test on a referral: a contact whose date and scores come from n. */
    static Contact crashContact(long referralId, long n) {
        return ContactStoreTest.attended(referralId, LocalDate.now().minusDays(n % 50),
                List.of(ContactStoreTest.phq9(crashItems(n).toArray(Integer[]::new))), null);
    }

    /**
     * Saves contacts on the referral in a loop, forever, printing "saved CONTACT_ID N" after each save
     * returns (the save is then acknowledged: the caller was told it is stored). The parent kills it.
     */
    private static void writeLoop(Path dir, long referralId) throws Exception {
        CaseloadStore store = StoreFixtures.access(dir).unlock(StoreFixtures.passphrase());
        long n = ProcessHandle.current().pid() * 1000;
        while (true) {
            Contact saved = store.saveContact(crashContact(referralId, n));
            System.out.println("saved " + saved.id() + " " + n);
            System.out.flush();
            n++;
        }
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "save-then-die" -> {
                CaseloadStore store = StoreFixtures.access(dir).create(StoreFixtures.passphrase(), StoreFixtures.PROFILE);
                store.createReferral(StoreFixtures.patient(), StoreFixtures.referral(LocalDate.of(2026, 5, 4), 3));
                System.out.println("saved");
                System.out.flush();
                Runtime.getRuntime().halt(0);
            }
            case "unlock" -> {
                try (CaseloadStore store = StoreFixtures.access(dir).unlock(StoreFixtures.passphrase())) {
                    System.out.println("opened " + store.caseload().size());
                } catch (StoreException | WrongPassphraseException e) {
                    System.out.println("refused: " + e.getMessage());
                }
            }
            case "hold" -> {
                try (CaseloadStore store = StoreFixtures.access(dir).unlock(StoreFixtures.passphrase())) {
                    System.out.println("holding " + store.caseload().size());
                    System.out.flush();
                    System.in.read();
                }
            }
            case "write-loop" -> writeLoop(dir, Long.parseLong(args[2]));
            case "train" -> {
                // What the children do, once, for ChildJvm's class-data-sharing archive: create, save, reopen.
                long referralId;
                try (CaseloadStore store = StoreFixtures.access(dir).create(StoreFixtures.passphrase(), StoreFixtures.PROFILE)) {
                    referralId = store.createReferral(StoreFixtures.patient(),
                            StoreFixtures.referral(LocalDate.now().minusDays(60), 2)).referralId();
                    store.saveContact(crashContact(referralId, 1));
                }
                try (CaseloadStore store = StoreFixtures.access(dir).unlock(StoreFixtures.passphrase())) {
                    store.saveContact(crashContact(referralId, 2));
                    System.out.println("trained " + store.contacts(referralId).size() + " " + store.caseload().size());
                }
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }
}
