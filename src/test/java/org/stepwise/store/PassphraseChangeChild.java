package org.stepwise.store;

import java.nio.file.Path;
import java.time.LocalDate;
import org.stepwise.domain.caseload.CaseloadStore;

/**
 * A Stepwise process for {@link PassphraseChangeTest}: {@code <dir> <step>} creates a store with one
 * referral and one contact, starts changing its passphrase to {@link PassphraseChangeTest#NEW} and
 * halts the process the moment the change reaches {@code step} (no shutdown hooks, nothing closed:
 * as if killed there).
 */
public final class PassphraseChangeChild {

    private PassphraseChangeChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        PassphraseChange.Step stopAt = PassphraseChange.Step.valueOf(args[1]);
        CaseloadStore store = StoreFixtures.access(dir).create(StoreFixtures.passphrase(), StoreFixtures.PROFILE);
        long referralId = store.createReferral(StoreFixtures.patient(),
                StoreFixtures.referral(PassphraseChangeTest.REFERRED, 2)).referralId();
        store.saveContact(ContactStoreTest.attended(referralId, PassphraseChangeTest.REFERRED.plusDays(7),
                java.util.List.of(ContactStoreTest.phq9(2, 2, 1, 1, 0, 3, 2, 1, 0)), null));
        ((JooqCaseloadStore) store).stopPassphraseChangeWith(step -> {
            if (step == stopAt) {
                System.out.println("killed at " + step);
                System.out.flush();
                Runtime.getRuntime().halt(0);
            }
        });
        store.changePassphrase(StoreFixtures.passphrase(), PassphraseChangeTest.NEW.toCharArray());
        System.out.println("finished " + LocalDate.now());
        Runtime.getRuntime().halt(0);
    }
}
