package org.stepwise.domain.caseload;

/** The passphrase did not open the store. The store is untouched. */
public final class WrongPassphraseException extends Exception {

    public WrongPassphraseException() {
        super("That passphrase does not open this store.");
    }
}
