package org.stepwise.store;

import static org.stepwise.store.generated.Tables.APP_SETTING;
import static org.stepwise.store.generated.Tables.PRACTITIONER_NAME;
import static org.stepwise.store.generated.Tables.PRACTITIONER_PROFILE;
import static org.stepwise.store.generated.Tables.SERVICE_KEY;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.stepwise.domain.audit.AuditAction;
import org.stepwise.domain.caseload.SettingsStore;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.caseload.WrongPassphraseException;
import org.stepwise.domain.common.Coded;
import org.stepwise.domain.practitioner.IdleLock;
import org.stepwise.domain.practitioner.PractitionerNames;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;

/**
 * The store's settings over jOOQ: the practitioner profile ({@code practitioner_profile}), the service key
 * ({@code service_key}), a supervisor's names for practitioner pseudonyms ({@code practitioner_name}), the idle-lock minutes ({@code app_setting}) and the passphrase (checked against the
 * store's key check, changed by re-encrypting the store: {@link PassphraseChange}).
 */
final class JooqSettingsStore implements SettingsStore {

    private static final Set<String> KEY_ORIGINS = Set.of("generated", "imported");
    private static final int MIN_KEY_BYTES = 32;
    private static final int MAX_KEY_BYTES = 256;
    private static final String IDLE_LOCK_MINUTES = "lock.idle-minutes";

    private final StoreSession session;
    private final JooqAuditLog audit;
    private PassphraseChange.Checkpoint passphraseCheckpoint = PassphraseChange.Checkpoint.NONE;

    JooqSettingsStore(StoreSession session, JooqAuditLog audit) {
        this.session = session;
        this.audit = audit;
    }

    /** Inserts the practitioner profile of a new store, with a new random practitioner id, made at {@code now}. */
    static void insertProfile(DSLContext dsl, PractitionerProfile profile, OffsetDateTime now) {
        dsl.insertInto(PRACTITIONER_PROFILE)
                .set(PRACTITIONER_PROFILE.ID, 1)
                .set(PRACTITIONER_PROFILE.PRACTITIONER_UID, UUID.randomUUID().toString())
                .set(PRACTITIONER_PROFILE.DISPLAY_NAME, profile.displayName().strip())
                .set(PRACTITIONER_PROFILE.ROLE, profile.role().code())
                .set(PRACTITIONER_PROFILE.SERVICE_CODE, profile.serviceCode().strip())
                .set(PRACTITIONER_PROFILE.DEMO, profile.demo())
                .set(PRACTITIONER_PROFILE.CREATED_AT, now)
                .execute();
        AuditTrail.append(dsl, now.toInstant(), AuditAction.CREATE, "store", null, null);
    }

    @Override
    public PractitionerProfile profile() {
        return session.read("reading the profile", "The practitioner profile could not be read.", dsl -> dsl
                .selectFrom(PRACTITIONER_PROFILE)
                .where(PRACTITIONER_PROFILE.ID.eq(1))
                .fetchSingle(r -> new PractitionerProfile(r.getDisplayName(), Coded.of(Role.class, r.getRole()),
                        r.getServiceCode(), r.getDemo())));
    }

    @Override
    public String practitionerUid() {
        return session.read("reading the profile", "The practitioner profile could not be read.",
                JooqSettingsStore::practitionerUid);
    }

    /** The practitioner's id, in the caller's transaction. */
    static String practitionerUid(DSLContext dsl) {
        return dsl.select(PRACTITIONER_PROFILE.PRACTITIONER_UID)
                .from(PRACTITIONER_PROFILE)
                .where(PRACTITIONER_PROFILE.ID.eq(1))
                .fetchSingle(PRACTITIONER_PROFILE.PRACTITIONER_UID);
    }

    @Override
    public Optional<byte[]> serviceKey() {
        return session.read("reading the service key", "The service key could not be read.", dsl -> dsl
                .select(SERVICE_KEY.KEY_BYTES)
                .from(SERVICE_KEY)
                .where(SERVICE_KEY.ID.eq(1))
                .fetchOptional(SERVICE_KEY.KEY_BYTES)
                .map(byte[]::clone));
    }

    @Override
    public void saveServiceKey(byte[] key, String origin) {
        if (key == null || key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("A service key has " + MIN_KEY_BYTES + " to " + MAX_KEY_BYTES
                    + " bytes.");
        }
        if (!KEY_ORIGINS.contains(origin)) {
            throw new IllegalArgumentException("A service key is either generated here or imported.");
        }
        byte[] copy = key.clone();
        try {
            session.write("saving the service key", "The service key was not saved.", dsl -> {
                dsl.deleteFrom(SERVICE_KEY).execute();
                dsl.insertInto(SERVICE_KEY)
                        .set(SERVICE_KEY.ID, 1)
                        .set(SERVICE_KEY.KEY_BYTES, copy)
                        .set(SERVICE_KEY.FINGERPRINT, fingerprint(copy))
                        .set(SERVICE_KEY.ORIGIN, origin)
                        .set(SERVICE_KEY.CREATED_AT, session.now())
                        .execute();
                session.audit(dsl, AuditAction.CHANGE, "service_key", 1L, origin);
                return null;
            });
        } finally {
            Arrays.fill(copy, (byte) 0);
        }
    }

    @Override
    public PractitionerNames practitionerNames() {
        return session.read("reading the names for pseudonyms", "The names for pseudonyms could not be read.",
                dsl -> {
                    java.util.Map<String, String> names = new java.util.TreeMap<>();
                    dsl.selectFrom(PRACTITIONER_NAME).fetch()
                            .forEach(r -> names.put(r.getPseudonym(), r.getDisplayName()));
                    return PractitionerNames.of(names);
                });
    }

    @Override
    public void savePractitionerNames(PractitionerNames names) {
        java.util.Objects.requireNonNull(names, "names");
        session.write("saving the names for pseudonyms", "The names for pseudonyms were not saved.", dsl -> {
            dsl.deleteFrom(PRACTITIONER_NAME).execute();
            names.byPseudonym().forEach((pseudonym, name) -> dsl.insertInto(PRACTITIONER_NAME)
                    .set(PRACTITIONER_NAME.PSEUDONYM, pseudonym)
                    .set(PRACTITIONER_NAME.DISPLAY_NAME, name)
                    .execute());
            session.audit(dsl, AuditAction.CHANGE, "practitioner_names", null,
                    names.size() + (names.size() == 1 ? " name" : " names"));
            return null;
        });
    }

    /** First 16 hex digits of SHA-256 of the key: shown and exported in place of the key. */
    static String fingerprint(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new StoreException("This Java runtime cannot compute a key fingerprint (SHA-256 is missing).");
        }
    }

    @Override
    public int idleLockMinutes() {
        return session.read("reading the settings", "The settings could not be read.", dsl -> {
            String stored = dsl.select(APP_SETTING.SETTING_VALUE).from(APP_SETTING)
                    .where(APP_SETTING.SETTING_KEY.eq(IDLE_LOCK_MINUTES))
                    .fetchOne(APP_SETTING.SETTING_VALUE);
            if (stored == null || IdleLock.problem(stored).isPresent()) {
                return IdleLock.DEFAULT_MINUTES;
            }
            return Integer.parseInt(stored.strip());
        });
    }

    @Override
    public void saveIdleLockMinutes(int minutes) {
        Refusal.refuse(IdleLock.problem(minutes));
        session.write("saving the settings", "The setting was not saved.", dsl -> {
            dsl.mergeInto(APP_SETTING)
                    .using(DSL.selectOne())
                    .on(APP_SETTING.SETTING_KEY.eq(IDLE_LOCK_MINUTES))
                    .whenMatchedThenUpdate().set(APP_SETTING.SETTING_VALUE, Integer.toString(minutes))
                    .whenNotMatchedThenInsert(APP_SETTING.SETTING_KEY, APP_SETTING.SETTING_VALUE)
                    .values(IDLE_LOCK_MINUTES, Integer.toString(minutes))
                    .execute();
            session.audit(dsl, AuditAction.CHANGE, "setting", null, "idle lock minutes");
            return null;
        });
    }

    @Override
    public void checkPassphrase(char[] passphrase) throws WrongPassphraseException {
        try {
            session.locked(() -> {
                session.checkOpen();
                if (passphrase == null) {
                    throw new WrongPassphraseException();
                }
                try {
                    session.database().checkPassphrase(passphrase);
                } catch (WrongPassphraseException refused) {
                    audit.recordLockScreen(false);
                    throw refused;
                }
                audit.recordLockScreen(true);
                return null;
            });
        } finally {
            clear(passphrase);
        }
    }

    @Override
    public void changePassphrase(char[] current, char[] next) throws WrongPassphraseException {
        try {
            session.locked(() -> {
                session.checkOpen();
                if (current == null) {
                    throw new WrongPassphraseException();
                }
                // The change is written to the new store's audit log before it takes effect (PassphraseChange).
                PassphraseChange.change(session.database(), current, next, session::useDatabase, passphraseCheckpoint);
                session.anchoring().anchor(session.database());
                return null;
            });
        } finally {
            clear(current);
            clear(next);
        }
    }

    /** For tests: stops a passphrase change at a step (a failure, or the process killed there). */
    void stopPassphraseChangeWith(PassphraseChange.Checkpoint checkpoint) {
        passphraseCheckpoint = checkpoint;
    }

    private static void clear(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
