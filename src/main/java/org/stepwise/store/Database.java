package org.stepwise.store;

import static org.stepwise.store.generated.Tables.CONTACT;
import static org.stepwise.store.generated.Tables.REFERRAL;
import static org.stepwise.store.generated.Tables.SCORE;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.api.ErrorCode;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.caseload.WrongPassphraseException;
import org.stepwise.files.FileModes;

/**
 * The open, encrypted H2 database of one data folder: the folder lock, the one connection every
 * store method uses, and its jOOQ context. Opening derives the store key from the passphrase
 * ({@link KeySettings}), checks it against the key check value (a mismatch is a wrong passphrase, and
 * the database is not touched), opens H2 with {@code CIPHER=AES} using that key, and brings the schema
 * up to date with Flyway; the key is cleared as soon as the connection is open.
 *
 * <p>Durability: {@code WRITE_DELAY=0} makes H2 write every commit to the file before the commit
 * returns (by default it writes up to half a second later, from a background thread), and
 * {@link #syncToDisk()} asks the operating system to put it on the disk itself.
 *
 * <p>Long because: creating, unlocking, re-keying and reopening the one encrypted connection share the
 * key handling and the folder lock, which every failure path must clear or release; kept together so
 * that each path can be checked against the others.
 */
final class Database implements AutoCloseable {

    static final String DB_NAME = "caseload";
    static final String DB_FILE = DB_NAME + ".mv.db";
    private static final String USER = "STEPWISE";
    static final String HISTORY_TABLE = "flyway_schema_history";
    /**
     * CIPHER=AES: H2 encrypts every page of the file. WRITE_DELAY=0: a commit is written before it
     * returns. TRACE_LEVEL_FILE=0: no {@code .trace.db} file, whose error lines would hold SQL values
     * in plain text.
     */
    private static final String SETTINGS = ";CIPHER=AES;WRITE_DELAY=0;TRACE_LEVEL_FILE=0";

    static final String READ_ONLY = "The data folder is read-only, so Stepwise cannot save anything there; the store "
            + "was not opened and nothing was changed. Make the folder writable (or copy it to one that is) and try again.";

    /**
     * The H2 file system the database file is opened through: {@code file}, the disk. Fault tests in this
     * package put a file system in front that fails (full disk, read-only) to check what the store does.
     */
    static volatile String fileSystem = "file";

    /**
     * The schema version Flyway brings a store to: "latest". The upgrade test sets an older one to make
     * a store as an earlier Stepwise made it, then opens it with the current schema.
     */
    static volatile String schemaTarget = "latest";

    static final String DAMAGED_FILE = "The passphrase is right, but the store file is damaged and cannot be "
            + "read. Restore the data folder from a backup.";

    static final String MISSING_FILE = "The store's database file (" + DB_FILE + ") is missing from the data folder, "
            + "though its key settings are there, so the store cannot be opened and no new one is made in its place. "
            + "Put the file back, or restore a backup (stepwise restore FILE).";

    static final String NEWER_STORE = "This store was last opened by a newer version of Stepwise, which changed its "
            + "tables. This version cannot use it safely, so it was not opened and nothing was changed. Install the "
            + "newer version to open it.";

    private static final System.Logger LOG = System.getLogger(Database.class.getName());

    private final Path dataDir;
    private final FolderLock lock;
    private final Connection connection;
    private final DSLContext dsl;
    /** The key the audit log's anchor is sealed with ({@link AuditAnchor}); cleared on close. */
    private final byte[] anchorKey;
    /** What was finished or undone after an interruption when this store was opened (one sentence), or null. */
    private final String recovered;
    /** The store key, kept while open only to open and verify a copy of the store (a backup); cleared on close. */
    private final byte[] storeKey;
    /** The store file's size when it was opened: a file that doubled in the session is compacted at close. */
    private final long sizeAtOpen;

    /** The caller clears {@code storeKey}: this keeps a copy of its own. */
    private Database(Path dataDir, FolderLock lock, Connection connection, byte[] storeKey, String recovered) {
        this.dataDir = dataDir;
        this.lock = lock;
        this.connection = connection;
        this.storeKey = storeKey.clone();
        this.anchorKey = AuditAnchor.key(storeKey);
        this.recovered = recovered;
        this.dsl = DSL.using(configuration(connection));
        long size;
        try {
            size = Files.size(dataDir.resolve(DB_FILE));
        } catch (IOException e) {
            size = 0;
        }
        this.sizeAtOpen = size;
    }

    /**
     * The jOOQ configuration of an open store: whole rows read are checked against their keyed checks
     * ({@link RowChecks#reader}) once the store has its row-check key (schema V5).
     */
    private static org.jooq.Configuration configuration(Connection connection) {
        org.jooq.Configuration configuration = new org.jooq.impl.DefaultConfiguration().set(connection)
                .set(SQLDialect.H2).set(new Settings().withExecuteLogging(false));
        byte[] rowKey;
        try {
            rowKey = RowChecks.key(connection);
        } catch (SQLException e) {
            throw StoreErrors.translate("reading the row-check key", DAMAGED_FILE, e);
        }
        if (rowKey != null) {
            configuration.set(new org.jooq.impl.DefaultExecuteListenerProvider(RowChecks.reader(rowKey)));
            Arrays.fill(rowKey, (byte) 0);
        }
        return configuration;
    }

    /**
     * Whether the data folder holds a store, whole or in part: its database file, its key settings, or an
     * operation past its point of no return (finished when the store is next opened). A folder with
     * only some of a store's files is a store that cannot open, never a place to create a new one.
     */
    static boolean exists(Path dataDir) {
        return Files.exists(dataDir.resolve(DB_FILE)) || Files.exists(dataDir.resolve(KeySettings.FILE_NAME))
                || StoreJournal.pending(dataDir);
    }

    /** The points of a create, for tests that halt the process there: the new store is complete; it is committed. */
    static final String CREATE_WRITTEN = "create: the new store is complete";
    static final String CREATE_COMMITTED = "create: committed";

    /**
     * Creates the store: refuses if the folder holds any file of a store (or a store a restore moved
     * aside), builds the whole store (key settings, encrypted database, schema, {@code initialise}) in a
     * working folder, commits it in the store's journal and moves it in ({@link StoreJournal}). A kill at
     * any instant leaves no store (the working folder is removed at the next start) or the whole one. If
     * any step fails, what this create made is removed.
     */
    static Database create(Path dataDir, char[] passphrase, KeyDerivation derivation, Consumer<DSLContext> initialise) {
        checkUsable(dataDir);
        FolderLock lock;
        String recovered;
        try {
            FileModes.createFolder(dataDir);
            lock = FolderLock.acquire(dataDir);
        } catch (IOException e) {
            throw StoreErrors.translate("creating the data folder", StoreErrors.WRITE_FAILED, e);
        }
        try {
            recovered = StoreJournal.recover(dataDir).orElse(null);
            refuseIfAnyStore(dataDir);
        } catch (IOException e) {
            lock.close();
            throw StoreErrors.translate("creating the store", StoreErrors.WRITE_FAILED, e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        Path work = dataDir.resolve(StoreJournal.CREATING);
        Connection connection = null;
        try {
            FileModes.createFolder(work);
            byte[] key = KeySettings.newStoreKey();
            KeySettings settings = KeySettings.create(derivation, passphrase, key, KeySettings.newStoreId());
            try {
                settings.write(work);
                connection = connect(work, key, false);
                connection = migrate(work, key, connection);
                DSLContext dsl = DSL.using(connection, SQLDialect.H2, new Settings().withExecuteLogging(false));
                dsl.transaction(configuration -> initialise.accept(configuration.dsl()));
                dsl.execute("CHECKPOINT SYNC");
                connection.close();
                connection = null;
                StoreJournal.testCheckpoint.reached(CREATE_WRITTEN);
                StoreJournal.Entry entry = new StoreJournal.Entry(StoreJournal.Operation.CREATE, StoreJournal.CREATING, null);
                StoreJournal.commit(dataDir, entry);
                StoreJournal.testCheckpoint.reached(CREATE_COMMITTED);
                StoreJournal.finish(dataDir, entry, StoreJournal.testCheckpoint);
                ownerOnly(dataDir);
                connection = connect(dataDir, key, true);
                Database database = new Database(dataDir, lock, connection, key, recovered);
                LOG.log(System.Logger.Level.INFO, "Created a store ({0})", settings);
                return database;
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        } catch (IOException e) {
            abandonNewStore(dataDir, connection, lock);
            throw StoreErrors.translate("creating the store", StoreErrors.WRITE_FAILED, e);
        } catch (SQLException | RuntimeException e) {
            abandonNewStore(dataDir, connection, lock);
            if (e instanceof StoreException || e instanceof IllegalArgumentException) {
                throw (RuntimeException) e;
            }
            throw StoreErrors.translate("creating the store", "The store could not be created.", e);
        }
    }

    /** Refuses to create a store where any file of one is, or where a restore moved one aside. */
    private static void refuseIfAnyStore(Path dataDir) throws IOException {
        if (Files.exists(dataDir.resolve(DB_FILE))) {
            throw new StoreException("This data folder already holds a store: unlock it instead.");
        }
        for (String name : StoreJournal.STORE_FILES) {
            if (Files.exists(dataDir.resolve(name))) {
                throw new StoreException("This data folder already holds a file of a store (" + name + "), so no new "
                        + "store is created here, and that file is left as it is. Put the store's other files back, "
                        + "or choose another data folder.");
            }
        }
        Optional<String> aside = StoreJournal.movedAsideStore(dataDir);
        if (aside.isPresent()) {
            throw new StoreException("This data folder holds no store, but the folder " + aside.get() + " in it holds "
                    + "one that a restore moved aside, so no new store is created here. Move that store's files back "
                    + "into the data folder to open it, or move the folder elsewhere to start a new store.");
        }
    }

    /** Makes the store's files, and the folders Stepwise keeps inside the data folder, owner-only. */
    static void ownerOnly(Path dataDir) {
        for (String name : List.of(DB_FILE, KeySettings.FILE_NAME, AuditAnchor.FILE_NAME, FolderLock.FILE_NAME,
                UnlockFailures.FILE_NAME, StoreBackup.FOLDER)) {
            Path file = dataDir.resolve(name);
            if (Files.exists(file)) {
                FileModes.ownerOnly(file);
            }
        }
    }

    /** The throwaway key derivation of {@link #prepare()}: small, but enough for the JIT to compile its code. */
    private static final KeyDerivation WARM_UP = KeyDerivation.argon2id(1024, 4, 1);

    /**
     * Loads and compiles ahead what an unlock runs, while the unlock screen waits for the passphrase: the
     * key derivation (once, on a throwaway passphrase and a random salt, nothing kept), H2 (a private
     * in-memory database, no file), jOOQ's query rendering and execution, and the store's tables. Touches
     * no file and no secret; the unlock afterwards does only the derivation, the open and the reads. A
     * failure here only means the unlock loads these itself.
     */
    static void prepare() {
        try {
            char[] throwaway = "warm-up, not a passphrase".toCharArray();
            Arrays.fill(WARM_UP.derive(throwaway, new byte[KeySettings.SALT_BYTES]), (byte) 0);
            Properties info = new Properties();
            info.setProperty("user", USER);
            try (Connection memory = org.h2.Driver.load().connect("jdbc:h2:mem:", info)) {
                DSLContext dsl = DSL.using(memory, SQLDialect.H2, new Settings().withExecuteLogging(false));
                dsl.fetchValue(DSL.select(DSL.inline(1)));
                dsl.render(DSL.select(CONTACT.REFERRAL_ID, SCORE.TOTAL).from(SCORE).join(CONTACT)
                        .on(CONTACT.ID.eq(SCORE.CONTACT_ID)).join(REFERRAL).on(REFERRAL.ID.eq(CONTACT.REFERRAL_ID)));
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.INFO, "Preparing the unlock ahead failed: {0}", e.getClass().getName());
        }
    }

    /** Opens an existing store (with no change to its key derivation); a wrong passphrase changes nothing. */
    static Database unlock(Path dataDir, char[] passphrase) throws WrongPassphraseException {
        return unlock(dataDir, passphrase, null);
    }

    /**
     * Opens an existing store; a wrong passphrase changes nothing and can be tried again. A store whose
     * key settings are weaker than {@code upgradeTo} (PBKDF2, or smaller Argon2id parameters) has them
     * rewritten with it once the passphrase is found right (one atomic rename: the same key either way);
     * null leaves them as they are.
     */
    static Database unlock(Path dataDir, char[] passphrase, KeyDerivation upgradeTo) throws WrongPassphraseException {
        checkUsable(dataDir);
        if (!exists(dataDir)) {
            throw new StoreException("There is no store in this data folder yet.");
        }
        FolderLock lock;
        try {
            lock = FolderLock.acquire(dataDir);
        } catch (IOException e) {
            if (readOnly(e)) {
                StoreErrors.log("locking the data folder", e);
                throw new StoreException(READ_ONLY);
            }
            throw StoreErrors.translate("locking the data folder", "The data folder could not be opened.", e);
        }
        return open(dataDir, passphrase, lock, upgradeTo);
    }

    /**
     * Opens the store of a data folder whose lock the caller holds (and hands over: it is released when
     * the database closes, or at once if opening fails).
     */
    static Database open(Path dataDir, char[] passphrase, FolderLock lock, KeyDerivation upgradeTo)
            throws WrongPassphraseException {
        Connection connection = null;
        String recovered = null;
        try {
            recovered = StoreJournal.recoverOrUntold(dataDir).orElse(null);
            if (!Files.exists(dataDir.resolve(DB_FILE))) {
                LOG.log(System.Logger.Level.WARNING, "Unlock refused: the database file is missing");
                throw new StoreException(MISSING_FILE);
            }
            if (!Files.isWritable(dataDir) || !Files.isWritable(dataDir.resolve(DB_FILE))) {
                LOG.log(System.Logger.Level.WARNING, "Unlock refused: the data folder is read-only");
                throw new StoreException(READ_ONLY);
            }
            KeySettings settings = KeySettings.read(dataDir);
            ownerOnly(dataDir);
            byte[] key;
            try {
                key = settings.unlock(passphrase);
            } catch (WrongPassphraseException e) {
                LOG.log(System.Logger.Level.INFO, "Unlock refused: wrong passphrase");
                UnlockFailures.note(dataDir, java.time.Instant.now());
                throw e;
            }
            try {
                connection = connect(dataDir, key, true);
                SchemaHistory history = SchemaHistory.read(connection);
                if (!history.exists()) {
                    LOG.log(System.Logger.Level.WARNING, "Unlock refused: the database file holds no Stepwise schema");
                    throw new StoreException(DAMAGED_FILE);
                }
                if (connection.isReadOnly()) {
                    LOG.log(System.Logger.Level.WARNING, "Unlock refused: the database file can only be read");
                    throw new StoreException(READ_ONLY);
                }
                if (history.newerThanThisVersion()) {
                    LOG.log(System.Logger.Level.WARNING, "Unlock refused: the schema is newer than this version");
                    throw new StoreException(NEWER_STORE);
                }
                if (!history.current(schemaTarget)) {
                    connection = migrate(dataDir, key, connection);
                }
                if (upgradeTo != null && settings.upgradeDue(upgradeTo)) {
                    upgradeKeySettings(dataDir, settings, upgradeTo, passphrase, key);
                }
                return new Database(dataDir, lock, connection, key, recovered);
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        } catch (WrongPassphraseException e) {
            StoreJournal.keepUntold(dataDir, recovered);
            lock.close();
            throw e;
        } catch (SQLException e) {
            StoreJournal.keepUntold(dataDir, recovered);
            closeQuietly(connection);
            lock.close();
            if (e.getErrorCode() == ErrorCode.FILE_ENCRYPTION_ERROR_1) {
                // The key check matched, so the key is right: H2 reports a damaged file with this code too.
                StoreErrors.log("opening the store", e);
                throw new StoreException(DAMAGED_FILE);
            }
            if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                StoreErrors.log("opening the store", e);
                throw new StoreException(FolderLock.ALREADY_OPEN);
            }
            throw StoreErrors.translate("opening the store", "The store could not be opened.", e);
        } catch (IOException e) {
            StoreJournal.keepUntold(dataDir, recovered);
            closeQuietly(connection);
            lock.close();
            throw StoreErrors.translate("finishing an interrupted operation", "The store could not be opened.", e);
        } catch (RuntimeException e) {
            StoreJournal.keepUntold(dataDir, recovered);
            closeQuietly(connection);
            lock.close();
            if (e instanceof StoreException) {
                throw e;
            }
            throw StoreErrors.translate("opening the store", "The store could not be opened.", e);
        }
    }

    /**
     * Opens the database of a folder whose lock the caller holds, with a key already checked: after a
     * passphrase change. The lock passes to the new object.
     */
    static Database reopen(Path dataDir, FolderLock lock, byte[] key) throws SQLException {
        ownerOnly(dataDir);
        return new Database(dataDir, lock, connect(dataDir, key, true), key, null);
    }

    /** Throws {@link WrongPassphraseException} unless the passphrase derives this store's key. */
    void checkPassphrase(char[] passphrase) throws WrongPassphraseException {
        try {
            Arrays.fill(KeySettings.read(dataDir).unlock(passphrase), (byte) 0);
        } catch (WrongPassphraseException e) {
            LOG.log(System.Logger.Level.INFO, "Unlock refused: wrong passphrase");
            throw e;
        }
    }

    /**
     * Closes the connection (and with it the database file) but keeps the folder lock, which is
     * returned: no other process can open the folder while the file is being re-encrypted.
     */
    FolderLock closeKeepingLock() {
        try {
            connection.close();
        } catch (SQLException e) {
            StoreErrors.log("closing the store", e);
        }
        return lock;
    }

    DSLContext dsl() {
        return dsl;
    }

    /** The key the audit anchor of this store is sealed with (not a copy: do not change it). */
    byte[] anchorKey() {
        return anchorKey;
    }

    /** The data folder this database lives in. */
    Path dataDir() {
        return dataDir;
    }

    /** The folder a backup is unpacked into to verify it: removed after, and at the next open if a kill left it. */
    static final String BACKUP_CHECK = ".backup-check";

    /**
     * Verifies a backup just written: every entry matches its CRC, and its database opens with this store's
     * key and holds {@code counts} rows in each table. Throws {@link StoreBackup.NotVerified} when it does not.
     */
    void verifyBackup(Path backup, java.util.Map<String, Long> counts) throws IOException {
        Path check = dataDir.resolve(BACKUP_CHECK);
        StoreJournal.deleteTree(check);
        try {
            StoreRestore.unpack(backup, check);
            try (Connection copy = connect(check, storeKey, true)) {
                if (!PassphraseChange.rowCounts(copy).equals(counts)) {
                    throw new StoreBackup.NotVerified("the backup's tables do not hold the store's rows");
                }
                if (!rowsWhole(copy)) {
                    throw new StoreBackup.NotVerified("the backup's rows do not match their checks");
                }
            }
        } catch (SQLException | StoreException e) {
            StoreErrors.log("verifying a backup", e);
            throw new StoreBackup.NotVerified("the backup does not read back whole");
        } finally {
            StoreJournal.deleteTree(check);
        }
    }

    /** Whether every row of the database on {@code connection} matches its check (a store before V5 has none). */
    private static boolean rowsWhole(Connection connection) throws SQLException {
        if (RowChecks.key(connection) == null) {
            return true;
        }
        List<String> problems = new java.util.ArrayList<>();
        StoreIntegrity.rows(connection, problems, new java.util.HashMap<>());
        return problems.isEmpty();
    }

    /**
     * Whether a backup in the data folder verifies with this store's key: every entry matches its CRC, it
     * opens with the store key (so a backup made before a passphrase change does not count), and every row
     * matches its check. Nothing of it is kept.
     */
    boolean backupVerifies(Path backup) {
        Path check = dataDir.resolve(BACKUP_CHECK);
        try {
            StoreJournal.deleteTree(check);
            StoreRestore.unpack(backup, check);
            try (Connection copy = connect(check, storeKey, true)) {
                return SchemaHistory.read(copy).exists() && rowsWhole(copy);
            }
        } catch (IOException | SQLException | RuntimeException e) {
            StoreErrors.log("checking a backup", e);
            return false;
        } finally {
            try {
                StoreJournal.deleteTree(check);
            } catch (IOException e) {
                StoreErrors.log("removing a backup's check folder", e);
            }
        }
    }

    /** What was finished or undone after an interruption when this store was opened, in one sentence. */
    Optional<String> recovered() {
        return Optional.ofNullable(recovered);
    }

    /**
     * Rewrites the key settings of a store whose passphrase was just found right with stronger ones: the
     * same store key, wrapped under a key derived with {@code target}. One atomic rename, so a kill at any
     * instant leaves the old settings or the new, and both open the store. A failure leaves the old ones.
     */
    private static void upgradeKeySettings(Path dataDir, KeySettings old, KeyDerivation target, char[] passphrase,
            byte[] key) {
        try {
            KeySettings.create(target, passphrase, key, old.storeId().orElseGet(KeySettings::newStoreId)).write(dataDir);
            LOG.log(System.Logger.Level.INFO, "Moved the key derivation from {0} to {1}", old.derivation(), target);
        } catch (IOException | RuntimeException e) {
            StoreErrors.log("strengthening the key derivation", e);
        }
    }

    /** Forces committed changes from the operating system's cache onto the disk ({@code CHECKPOINT SYNC}). */
    void syncToDisk() {
        dsl.execute("CHECKPOINT SYNC");
    }

    /**
     * Closes the database (H2 writes and closes the file with its last connection) and releases the lock.
     * When much of a large file is free, the file is compacted as it closes, on a thread of its own, and
     * the lock is released once that is done ({@link StoreCompaction}).
     */
    @Override
    public void close() {
        Arrays.fill(anchorKey, (byte) 0);
        Arrays.fill(storeKey, (byte) 0);
        Path file = dataDir.resolve(DB_FILE);
        if (StoreCompaction.grewMuch(file, sizeAtOpen, StoreCompaction.minFileBytes)
                || StoreCompaction.muchFree(dsl, file, StoreCompaction.minFileBytes)) {
            StoreCompaction.closeCompacting(lock.folder(), file, connection, lock::close);
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            StoreErrors.log("closing the store", e);
        } finally {
            lock.close();
        }
    }

    static Connection connect(Path dataDir, byte[] key, boolean mustExist) throws SQLException {
        return connect(url(dataDir, mustExist), jdbcPassword(key));
    }

    /**
     * Opens a database file encrypted with {@code fileKey} whose user still has the password of
     * {@code userKey} (a copy just re-encrypted), and gives the user the password of {@code fileKey}.
     */
    static Connection connectAndRekeyUser(Path dataDir, byte[] fileKey, byte[] userKey) throws SQLException {
        char[] file = filePassword(fileKey);
        char[] user = filePassword(userKey);
        char[] password = new char[file.length + 1 + user.length];
        System.arraycopy(file, 0, password, 0, file.length);
        password[file.length] = ' ';
        System.arraycopy(user, 0, password, file.length + 1, user.length);
        Arrays.fill(user, '\0');
        Connection connection = connect(url(dataDir, true), password);
        try (var statement = connection.prepareStatement("ALTER USER " + USER + " SET PASSWORD ?")) {
            statement.setString(1, new String(file));
            statement.execute();
        } catch (SQLException e) {
            connection.close();
            throw e;
        } finally {
            Arrays.fill(file, '\0');
        }
        return connection;
    }

    private static Connection connect(String url, char[] password) throws SQLException {
        Properties info = new Properties();
        info.setProperty("user", USER);
        info.put("password", password);
        try {
            return org.h2.Driver.load().connect(url, info);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * Brings the schema up to date with Flyway (on its own connections, while {@code open} keeps the
     * database open) and returns the connection to use from then on.
     *
     * <p>When Flyway changed the schema, the database is closed and opened again: H2 2.4.240 evaluates
     * a {@code CHECK (x IN (...))} constraint with the session that created it, and fails with "Check
     * constraint invalid" once that session (here Flyway's) is closed (h2database issues 4302, 4308).
     * Reopening makes H2 read the constraints afresh in its own long-lived session.
     */
    private static Connection migrate(Path dataDir, byte[] key, Connection open) throws SQLException {
        KeyedDataSource dataSource = new KeyedDataSource(url(dataDir, true), jdbcPassword(key));
        int applied;
        try {
            applied = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .table(HISTORY_TABLE)
                    .failOnMissingLocations(true)
                    .target(schemaTarget)
                    .load()
                    .migrate()
                    .migrationsExecuted;
        } catch (FlywayException e) {
            throw StoreErrors.translate("migrating the schema",
                    "The store's tables could not be brought up to date for this version of Stepwise, "
                            + "so it was not opened.", e);
        } finally {
            dataSource.clear();
        }
        if (applied == 0) {
            return open;
        }
        LOG.log(System.Logger.Level.INFO, "Applied {0} schema migration(s)", applied);
        open.close();
        return connect(dataDir, key, true);
    }

    private static String url(Path dataDir, boolean mustExist) {
        return "jdbc:h2:" + fileSystem + ":" + dataDir.toAbsolutePath().resolve(DB_NAME) + SETTINGS
                + (mustExist ? ";IFEXISTS=TRUE" : "");
    }

    /**
     * H2's password for an encrypted database is "filePassword userPassword". Both are the key in hex:
     * the file password is what encrypts; the user password adds nothing once the file is decrypted.
     */
    private static char[] jdbcPassword(byte[] key) {
        char[] hex = filePassword(key);
        char[] password = new char[hex.length * 2 + 1];
        System.arraycopy(hex, 0, password, 0, hex.length);
        password[hex.length] = ' ';
        System.arraycopy(hex, 0, password, hex.length + 1, hex.length);
        Arrays.fill(hex, '\0');
        return password;
    }

    /** Whether a failure to write a file says the folder or its file system is read-only. */
    static boolean readOnly(IOException e) {
        return e instanceof AccessDeniedException
                || e instanceof FileSystemException f && f.getReason() != null && f.getReason().contains("Read-only");
    }

    /** The file password H2 encrypts with: the key in hex (the caller clears it). */
    static char[] filePassword(byte[] key) {
        char[] hex = new char[key.length * 2];
        String digits = "0123456789abcdef";
        for (int i = 0; i < key.length; i++) {
            hex[2 * i] = digits.charAt((key[i] >> 4) & 0xf);
            hex[2 * i + 1] = digits.charAt(key[i] & 0xf);
        }
        return hex;
    }

    /** H2 reads ';' in a file path as the start of its settings. */
    private static void checkUsable(Path dataDir) {
        if (dataDir.toAbsolutePath().toString().contains(";")) {
            throw new StoreException("The data folder's path contains ';', which the database cannot use. "
                    + "Choose a folder without ';' in its path.");
        }
    }

    /** Undoes a create that failed part way: only its working folder (and its journal, if committed) are removed. */
    private static void abandonNewStore(Path dataDir, Connection connection, FolderLock lock) {
        closeQuietly(connection);
        try {
            if (StoreJournal.pending(dataDir)) {
                // Past the point of no return: the next open finishes moving the new store in.
                return;
            }
            StoreJournal.deleteTree(dataDir.resolve(StoreJournal.CREATING));
        } catch (IOException e) {
            StoreErrors.log("removing a store that could not be created", e);
        } finally {
            lock.close();
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            StoreErrors.log("closing the store", e);
        }
    }

    /**
     * Connections for Flyway, which opens and closes its own. Each gets a fresh copy of the password
     * (H2 clears the array it is given); {@link #clear()} wipes the copy kept here.
     */
    private static final class KeyedDataSource implements DataSource {

        private final String url;
        private final char[] password;

        KeyedDataSource(String url, char[] password) {
            this.url = url;
            this.password = password;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Properties info = new Properties();
            info.setProperty("user", USER);
            char[] copy = password.clone();
            info.put("password", copy);
            try {
                return org.h2.Driver.load().connect(url, info);
            } finally {
                Arrays.fill(copy, '\0');
            }
        }

        @Override
        public Connection getConnection(String username, String pass) throws SQLException {
            throw new SQLFeatureNotSupportedException("Connections use the store key only.");
        }

        void clear() {
            Arrays.fill(password, '\0');
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // No log writer: nothing of the store's goes to a writer.
        }

        @Override
        public void setLoginTimeout(int seconds) {
            // Embedded connections do not wait.
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("Not a wrapper.");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
