package org.stepwise.ui.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.StoreAccess;
import org.stepwise.domain.caseload.WrongPassphraseException;
import org.stepwise.domain.practitioner.PractitionerProfile;

/** Store access in memory: one passphrase opens one {@link InMemoryCaseloadStore}. */
public final class InMemoryStoreAccess implements StoreAccess {

    private final List<PractitionerProfile> created = new ArrayList<>();
    private final List<String> triedPassphrases = new ArrayList<>();
    private int prepared;
    private String passphrase;
    private InMemoryCaseloadStore store;

    /** No store yet: first run. */
    public InMemoryStoreAccess() {
    }

    /** A store that this passphrase opens. */
    public InMemoryStoreAccess(String passphrase, InMemoryCaseloadStore store) {
        this.passphrase = passphrase;
        this.store = store;
        store.usePassphrase(passphrase);
    }

    @Override
    public synchronized boolean exists() {
        return store != null;
    }

    @Override
    public synchronized CaseloadStore create(char[] secret, PractitionerProfile profile) {
        if (store != null) {
            throw new IllegalStateException("A store already exists.");
        }
        passphrase = new String(secret);
        Arrays.fill(secret, '\0');
        created.add(profile);
        store = new InMemoryCaseloadStore(profile);
        store.usePassphrase(passphrase);
        return store;
    }

    @Override
    public synchronized CaseloadStore unlock(char[] secret) throws WrongPassphraseException {
        String tried = new String(secret);
        Arrays.fill(secret, '\0');
        triedPassphrases.add(tried);
        if (store == null || !tried.equals(store.passphrase())) {
            throw new WrongPassphraseException();
        }
        return store;
    }

    @Override
    public synchronized void prepare() {
        prepared++;
    }

    /** How often {@link #prepare} was asked for. */
    public synchronized int prepared() {
        return prepared;
    }

    /** The profiles given to {@link #create}, in order. */
    public synchronized List<PractitionerProfile> created() {
        return List.copyOf(created);
    }

    public synchronized List<String> triedPassphrases() {
        return List.copyOf(triedPassphrases);
    }

    public synchronized String passphrase() {
        return passphrase;
    }

    public synchronized InMemoryCaseloadStore store() {
        return store;
    }
}
