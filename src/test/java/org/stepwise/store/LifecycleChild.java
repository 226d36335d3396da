package org.stepwise.store;

import java.nio.file.Path;
import org.stepwise.domain.caseload.CaseloadStore;

/**
 * A Stepwise process for {@link LifecycleKillTest}: {@code <operation> <dir> <point> [backup]} creates a
 * store in {@code dir} ({@code create}), restores {@code backup} over the store there ({@code restore}),
 * or changes its passphrase ({@code change}), and halts the process the moment the operation reaches
 * {@code point} (no shutdown hooks, nothing closed: as if killed there). With the point {@code none} it
 * prints {@code ready} and runs on, for the parent to kill at a moment of its choosing.
 */
public final class LifecycleChild {

    private LifecycleChild() {
    }

    public static void main(String[] args) throws Exception {
        String operation = args[0];
        Path dir = Path.of(args[1]);
        String point = args[2];
        StoreJournal.testCheckpoint = reached -> halt(reached, point);
        System.out.println("ready");
        System.out.flush();
        switch (operation) {
            case "create" -> StoreFixtures.access(dir).create(StoreFixtures.passphrase(), StoreFixtures.PROFILE);
            case "restore" -> StoreFixtures.access(dir).restore(Path.of(args[3]), StoreFixtures.passphrase(), q -> true);
            case "change" -> {
                CaseloadStore store = StoreFixtures.access(dir).unlock(StoreFixtures.passphrase());
                ((JooqCaseloadStore) store).stopPassphraseChangeWith(step -> halt(step.name(), point));
                store.changePassphrase(StoreFixtures.passphrase(), LifecycleKillTest.NEW.toCharArray());
            }
            default -> throw new IllegalArgumentException(operation);
        }
        System.out.println("finished");
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    private static void halt(String reached, String point) {
        if (reached.equals(point)) {
            System.out.println("halted at " + reached);
            System.out.flush();
            Runtime.getRuntime().halt(0);
        }
    }
}
