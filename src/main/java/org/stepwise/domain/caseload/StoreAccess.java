package org.stepwise.domain.caseload;

import java.nio.file.Path;
import java.util.Optional;
import org.stepwise.domain.practitioner.PractitionerProfile;

/**
 * Opens the encrypted store of one data folder. The passphrase is never kept: implementations
 * derive the store key from it and clear the array they were given.
 */
public interface StoreAccess {

    /** Whether this data folder already holds a store (then it must be unlocked, not created). */
    boolean exists();

    /** First run: creates the store, encrypted with a key derived from the passphrase, with this profile. */
    CaseloadStore create(char[] passphrase, PractitionerProfile profile);

    /**
     * Gets ready for {@link #unlock} while the practitioner types the passphrase (for example by loading the
     * code it runs), so that the unlock itself does only its own work. Opens nothing, touches no file of the
     * store and needs no secret; nothing to do by default.
     */
    default void prepare() {
    }

    /** Later runs: opens the store, or throws {@link WrongPassphraseException} and leaves it untouched. */
    CaseloadStore unlock(char[] passphrase) throws WrongPassphraseException;

    /**
     * Replaces this folder's store with the backup in {@code backup}, once the backup is found whole (every
     * entry matches its recorded CRC) and to open with {@code passphrase}; the store it replaces is moved,
     * untouched, into a folder beside it, whose path is returned (empty when the folder held no store).
     * The store must not be open. A backup that is not one, is damaged, or that the passphrase does not
     * open, is refused with the reason and nothing is changed. A backup of another store than the one in
     * the folder (another practitioner's, or one whose identity cannot be told) is restored only if
     * {@code otherStore} answers yes to the sentence it is given. The restore is written to the restored
     * store's audit log.
     */
    default Optional<Path> restore(Path backup, char[] passphrase, java.util.function.Predicate<String> otherStore) {
        java.util.Arrays.fill(passphrase, '\0');
        throw new StoreException("This store cannot be restored from a backup file.");
    }

    /** {@link #restore(Path, char[], java.util.function.Predicate)} that refuses a backup of another store. */
    default Optional<Path> restore(Path backup, char[] passphrase) {
        return restore(backup, passphrase, question -> false);
    }
}
