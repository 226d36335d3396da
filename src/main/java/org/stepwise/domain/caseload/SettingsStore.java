package org.stepwise.domain.caseload;

import java.util.Optional;
import org.stepwise.domain.practitioner.PractitionerNames;
import org.stepwise.domain.practitioner.PractitionerProfile;

/**
 * What the store holds about itself (a port: the store package implements it): the practitioner's profile and
 * id, the service's pseudonymisation key, the idle-lock minutes, and the passphrase (checked at the lock
 * screen, changed under Settings). One transaction per method, errors and refusals as in {@link PatientStore}.
 */
public interface SettingsStore {

    PractitionerProfile profile();

    /** The practitioner's random id, made when the store was created (the export pseudonymises it). */
    String practitionerUid();

    /** A copy of the service's pseudonymisation key, or empty when none is stored yet. */
    Optional<byte[]> serviceKey();

    /**
     * Stores the service's pseudonymisation key (at least 32 bytes), replacing any earlier one.
     * {@code origin} is {@code "generated"} (made on this machine) or {@code "imported"} (given by
     * the service).
     */
    void saveServiceKey(byte[] key, String origin);

    /** The supervisor's own names for practitioner pseudonyms ({@link PractitionerNames#none()} until saved). */
    PractitionerNames practitionerNames();

    /**
     * Replaces the whole list of names for practitioner pseudonyms with {@code names} (an empty list removes
     * every name), in one transaction. The audit log records the change and the number of names, never a name.
     */
    void savePractitionerNames(PractitionerNames names);

    /**
     * The minutes of inactivity after which the window locks: the practitioner's setting, or
     * {@link org.stepwise.domain.practitioner.IdleLock#DEFAULT_MINUTES} until one is saved.
     */
    int idleLockMinutes();

    /** Saves the idle-lock minutes (refused, with nothing saved, outside 1 to 30). */
    void saveIdleLockMinutes(int minutes);

    /**
     * Checks a passphrase against this store's key check (for unlocking a locked window): returns when
     * it is the store's passphrase, throws {@link WrongPassphraseException} when not. Changes nothing;
     * the array is cleared.
     */
    void checkPassphrase(char[] passphrase) throws WrongPassphraseException;

    /**
     * Re-encrypts the store under a new passphrase (at least 12 characters). The store stays usable
     * throughout from the caller's view: it is closed, re-encrypted into a copy, the copy is opened and
     * checked, then it takes the place of the old file; the old file is kept aside until the new one
     * has opened, then removed. A wrong current passphrase throws {@link WrongPassphraseException} and
     * changes nothing; any other failure leaves the store under its old passphrase. Both arrays are
     * cleared.
     */
    void changePassphrase(char[] current, char[] next) throws WrongPassphraseException;
}
