package org.stepwise.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Arrays;
import java.util.Objects;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.StoreAccess;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.caseload.WrongPassphraseException;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.practitioner.PassphraseStrength;
import org.stepwise.domain.practitioner.PractitionerProfile;

/**
 * Creates and unlocks the encrypted caseload store kept in one data folder. The folder holds the H2
 * database file ({@code caseload.mv.db}), the non-secret key settings ({@code store.properties}) and
 * the lock file ({@code store.lock}). The passphrase given to {@link #create} or {@link #unlock} is
 * cleared before the method returns, whatever happens.
 */
public final class H2StoreAccess implements StoreAccess {

    /**
     * Waits until every store closed in this process has finished compacting its file (a store closes
     * at once; a much-emptied file is then compacted on a thread of its own). Call before the process
     * exits.
     */
    public static void finishClosing() {
        StoreCompaction.awaitAll();
    }

    private static final int MAX_DISPLAY_NAME_LENGTH = 120;

    private final Path dataDir;
    private final MeasureCatalogue catalogue;
    private final KeyDerivation derivation;
    private final Clock clock;
    private final boolean automaticBackups;

    /** The store of this data folder, checking scores against the bundled measure catalogue. */
    public H2StoreAccess(Path dataDir) {
        this(dataDir, MeasureCatalogue.standard());
    }

    /**
     * The store of this data folder (created on first run, unlocked afterwards), checking every score
     * it saves against {@code catalogue} (the bundled table or the service's override). New stores, and
     * older ones at their next unlock, get the standard key derivation ({@link KeyDerivation#STANDARD}).
     */
    public H2StoreAccess(Path dataDir, MeasureCatalogue catalogue) {
        this(dataDir, catalogue, Clock.systemDefaultZone());
    }

    /**
     * As above, with the store's "today" and the times it writes read from {@code clock} (the composition
     * root's): what the rules refuse as in the future, row and backup times.
     */
    public H2StoreAccess(Path dataDir, MeasureCatalogue catalogue, Clock clock) {
        this(dataDir, catalogue, KeyDerivation.STANDARD, clock, false);
    }

    /** For tests only: a cheaper key derivation so that creating many stores stays quick. */
    H2StoreAccess(Path dataDir, MeasureCatalogue catalogue, KeyDerivation derivation) {
        this(dataDir, catalogue, derivation, Clock.systemDefaultZone(), false);
    }

    /** For tests only: the cheaper key derivation, and the store's today and times read from {@code clock}. */
    H2StoreAccess(Path dataDir, MeasureCatalogue catalogue, KeyDerivation derivation, Clock clock) {
        this(dataDir, catalogue, derivation, clock, false);
    }

    private H2StoreAccess(Path dataDir, MeasureCatalogue catalogue, KeyDerivation derivation, Clock clock,
            boolean automaticBackups) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath();
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.derivation = Objects.requireNonNull(derivation, "derivation");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.automaticBackups = automaticBackups;
    }

    /**
     * The same store, with automatic backups: a store it unlocks makes today's backup in
     * {@code backups/} when asked for it after the unlock ({@code dailyBackup()}, when there is none yet
     * today) and again when it closes, keeping the newest 14. The application uses this; most tests do not.
     */
    public H2StoreAccess withAutomaticBackups() {
        return new H2StoreAccess(dataDir, catalogue, derivation, clock, true);
    }

    @Override
    public boolean exists() {
        return Database.exists(dataDir);
    }

    /**
     * Creates the store with this profile. Refuses (with {@link IllegalArgumentException}) a passphrase
     * that is too weak ({@link PassphraseStrength}), a blank or over-long display name and a malformed service code, and
     * (with {@code StoreException}) a folder that already holds a store or is open elsewhere.
     */
    @Override
    public CaseloadStore create(char[] passphrase, PractitionerProfile profile) {
        try {
            checkPassphrase(passphrase);
            checkProfile(profile);
            Database database = Database.create(dataDir, passphrase, derivation,
                    dsl -> JooqSettingsStore.insertProfile(dsl, profile,
                            OffsetDateTime.now(clock.withZone(ZoneOffset.UTC))));
            JooqCaseloadStore store = new JooqCaseloadStore(database, catalogue, clock);
            store.checkAuditAnchor();
            store.backUpOnClose(automaticBackups);
            return store;
        } finally {
            clear(passphrase);
        }
    }

    /** Loads and compiles what {@link #unlock} runs (see {@code Database.prepare}); opens nothing. */
    @Override
    public void prepare() {
        Database.prepare();
    }

    @Override
    public CaseloadStore unlock(char[] passphrase) throws WrongPassphraseException {
        try {
            if (passphrase == null) {
                throw new IllegalArgumentException("Enter the passphrase.");
            }
            JooqCaseloadStore store = new JooqCaseloadStore(Database.unlock(dataDir, passphrase, derivation), catalogue,
                    clock);
            try {
                store.checkMeasures();
                store.checkAuditAnchor();
                store.recordUnlock(UnlockFailures.pending(dataDir, clock.instant()));
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
            UnlockFailures.clear(dataDir);
            if (automaticBackups) {
                // Made by dailyBackup(), which the window calls once the caseload shows.
                store.dailyBackupDue();
                store.backUpOnClose(true);
            }
            return store;
        } finally {
            clear(passphrase);
        }
    }

    @Override
    public Optional<Path> restore(Path backup, char[] passphrase, java.util.function.Predicate<String> otherStore) {
        try {
            if (backup == null) {
                throw new IllegalArgumentException("Choose the backup file to restore.");
            }
            if (passphrase == null) {
                throw new IllegalArgumentException("Enter the passphrase of the backup.");
            }
            return StoreRestore.restore(dataDir, backup.toAbsolutePath(), passphrase,
                    otherStore == null ? question -> false : otherStore);
        } catch (WrongPassphraseException e) {
            throw new StoreException("The passphrase does not open this backup. Nothing was changed.");
        } finally {
            clear(passphrase);
        }
    }

    private static void checkPassphrase(char[] passphrase) {
        PassphraseStrength.problem(passphrase).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    private static void checkProfile(PractitionerProfile profile) {
        if (profile == null) {
            throw new IllegalArgumentException("A new store needs the practitioner's profile.");
        }
        if (profile.displayName() == null || profile.displayName().isBlank()) {
            throw new IllegalArgumentException("Enter your name as it should appear in Stepwise.");
        }
        if (profile.displayName().strip().length() > MAX_DISPLAY_NAME_LENGTH) {
            throw new IllegalArgumentException(
                    "A name can be at most " + MAX_DISPLAY_NAME_LENGTH + " characters long.");
        }
        PractitionerProfile.serviceCodeProblem(profile.serviceCode()).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    private static void clear(char[] passphrase) {
        if (passphrase != null) {
            Arrays.fill(passphrase, '\0');
        }
    }
}
