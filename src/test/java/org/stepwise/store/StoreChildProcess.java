package org.stepwise.store;

import java.nio.file.Path;
import java.time.LocalDate;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.caseload.WrongPassphraseException;

/**
 * A second Stepwise process for {@link StoreProcessTest}: {@code save-then-die <dir>} creates a store,
 * saves a referral and halts at once (no shutdown hooks, nothing closed: as if killed);
 * {@code unlock <dir>} tries to open the store and prints what happened.
 */
public final class StoreChildProcess {

    private StoreChildProcess() {
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
            default -> throw new IllegalArgumentException(args[0]);
        }
    }
}
