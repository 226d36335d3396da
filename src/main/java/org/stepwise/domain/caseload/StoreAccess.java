package org.stepwise.domain.caseload;

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

    /** Later runs: opens the store, or throws {@link WrongPassphraseException} and leaves it untouched. */
    CaseloadStore unlock(char[] passphrase) throws WrongPassphraseException;
}
