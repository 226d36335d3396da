package org.stepwise.cli;

import java.io.PrintWriter;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.MaintenanceStore;
import org.stepwise.domain.caseload.StoreAccess;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.caseload.WrongPassphraseException;
import org.stepwise.files.PlainFiles;

/** Opens the store for a command with the passphrase given to {@code stepwise}, and says plainly why not. */
final class StoreCommand {

    /** What a command does with the open store; returns its exit status. */
    interface Work {
        int run(CaseloadStore store);
    }

    private StoreCommand() {
    }

    /** Says, on {@code problems}, what Stepwise finished or undid after an interruption when it opened the store. */
    static void sayRecovered(MaintenanceStore store, PrintWriter problems) {
        store.recovered().ifPresent(sentence -> {
            problems.println(sentence);
            problems.flush();
        });
    }

    /** Runs {@code work} on the unlocked store, then closes it; 1 (with the reason on {@code problems}) when it cannot open. */
    static int withStore(StepwiseCommand parent, PrintWriter problems, Work work) {
        StoreAccess access = parent.services().storeAccess(parent.dataFolder());
        if (!access.exists()) {
            problems.println("There is no Stepwise store in " + PlainFiles.shown(parent.dataFolder()) + ".");
            return 1;
        }
        char[] passphrase = parent.passphrase();
        try (CaseloadStore store = access.unlock(passphrase)) {
            sayRecovered(store, problems);
            return work.run(store);
        } catch (WrongPassphraseException e) {
            problems.println("The passphrase does not open this store.");
            return 1;
        } catch (StoreException | IllegalArgumentException e) {
            problems.println(e.getMessage());
            return 1;
        }
    }
}
