package org.stepwise.store;

import static org.stepwise.store.generated.Tables.APP_SETTING;
import static org.stepwise.store.generated.Tables.AUDIT_EVENT;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.stepwise.domain.caseload.StoreException;

/**
 * The audit log's anchor: the number and hash of its last event, kept outside the database in
 * {@value #FILE_NAME} in the data folder, so that events cut from the end of the log show. The hash
 * chain alone cannot show that: a log cut short is still a whole chain.
 *
 * <p>The anchor is written after each commit that added events (a temporary file, forced to disk, then
 * renamed over the old one, and the folder forced), so it is at most one transaction behind the log:
 * a crash between the commit and the anchor leaves it behind, never ahead. The check is therefore: the
 * anchored event must still be in the log with the anchored hash. A log that ends before the anchored
 * event lost events from its end; a different event at that number means events were cut and others
 * written after.
 *
 * <p>The anchor is sealed with HMAC-SHA256 under a key derived from the store key (HMAC-SHA256 of a
 * fixed label under the store key), so only someone who can open the store can write one that passes.
 * Once a store has an anchor, the setting {@value #ANCHORED} records it in the database, so a deleted
 * anchor file shows too. The setting is committed only after an anchor file was written.
 */
final class AuditAnchor {

    static final String FILE_NAME = "audit.anchor";
    static final String ANCHORED = "audit.anchored";
    static final int FORMAT = 1;
    private static final byte[] KEY_LABEL = "Stepwise audit anchor key 1".getBytes(StandardCharsets.US_ASCII);
    private static final String SEAL_LABEL = "Stepwise audit anchor 1";
    private static final System.Logger LOG = System.getLogger(AuditAnchor.class.getName());
    /** An anchor is under 300 bytes; a longer file is not read (a huge one must not exhaust memory). */
    static final int MAX_BYTES = 4096;
    private static final String NOT_GENUINE = "the audit log's anchor file (" + FILE_NAME + ") is damaged or was not "
            + "written by this store, so events removed from the end of the log cannot be ruled out";

    /** The last event of the log: its number ({@code id}) and hash; number 0 for an empty log. */
    record Mark(long event, String hash) {
    }

    private AuditAnchor() {
    }

    /** The anchor key of a store key (the caller clears the store key; this one is kept while the store is open). */
    static byte[] key(byte[] storeKey) {
        return hmac(storeKey, KEY_LABEL);
    }

    /** The last event of the log, or number 0 and the chain's starting hash when there is none. */
    static Mark last(DSLContext dsl) {
        Record2<Long, String> last = dsl.select(AUDIT_EVENT.ID, AUDIT_EVENT.HASH).from(AUDIT_EVENT)
                .orderBy(AUDIT_EVENT.ID.desc()).limit(1).fetchOne();
        return last == null ? new Mark(0, AuditTrail.GENESIS) : new Mark(last.value1(), last.value2());
    }

    /**
     * Writes the anchor of {@code mark} into {@code folder}: a temporary file, forced to disk, renamed
     * over the old one in one step, and the folder forced, so a crash leaves the old anchor or the new.
     */
    static void write(Path folder, byte[] anchorKey, Mark mark) throws IOException {
        String text = "# Stepwise audit anchor: the audit log's last event when this was written. Not secret.\n"
                + "format=" + FORMAT + "\n"
                + "event=" + mark.event() + "\n"
                + "hash=" + mark.hash() + "\n"
                + "seal=" + seal(anchorKey, mark) + "\n";
        DurableFiles.writeAtomically(folder.resolve(FILE_NAME), text);
    }

    /**
     * The anchor in {@code folder} if it is there and genuine (sealed with this key); empty when there is
     * no anchor file; a {@link StoreException} saying so when the file is damaged or not sealed with it.
     */
    static Optional<Mark> read(Path folder, byte[] anchorKey) throws IOException {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file)) {
            throw new StoreException(NOT_GENUINE);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (bytes.length > MAX_BYTES) {
            throw new StoreException(NOT_GENUINE);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        Properties properties = new Properties();
        try (Reader reader = new StringReader(text)) {
            properties.load(reader);
            if (!Integer.toString(FORMAT).equals(properties.getProperty("format"))) {
                throw new IllegalArgumentException("format");
            }
            Mark mark = new Mark(Long.parseLong(properties.getProperty("event", "")), properties.getProperty("hash", ""));
            byte[] seal = HexFormat.of().parseHex(properties.getProperty("seal", ""));
            if (mark.event() < 0 || !MessageDigest.isEqual(seal, HexFormat.of().parseHex(seal(anchorKey, mark)))) {
                throw new IllegalArgumentException("seal");
            }
            return Optional.of(mark);
        } catch (IllegalArgumentException e) {
            throw new StoreException(NOT_GENUINE);
        }
    }

    /**
     * Checks the log against its anchor: empty when the anchored event is still in the log with its hash
     * (or the store has no anchor yet), else what is wrong, as a clause that names no record.
     */
    static Optional<String> problem(DSLContext dsl, Path folder, byte[] anchorKey) {
        Optional<Mark> anchor;
        try {
            anchor = read(folder, anchorKey);
        } catch (StoreException e) {
            return Optional.of(e.getMessage());
        } catch (IOException e) {
            StoreErrors.log("reading the audit anchor", e);
            return Optional.of("the audit log's anchor file (" + FILE_NAME + ") could not be read, so events "
                    + "removed from the end of the log cannot be ruled out");
        }
        if (anchor.isEmpty()) {
            return anchored(dsl)
                    ? Optional.of("the audit log's anchor file (" + FILE_NAME + ") is missing, so events removed "
                            + "from the end of the log cannot be ruled out")
                    : Optional.empty();
        }
        Mark mark = anchor.get();
        Mark last = last(dsl);
        if (last.event() < mark.event()) {
            return Optional.of("events were removed from the end of the audit log: it ends at event " + last.event()
                    + ", but event " + mark.event() + " had been written");
        }
        String hash = mark.event() == 0 ? AuditTrail.GENESIS : dsl.select(AUDIT_EVENT.HASH).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.ID.eq(mark.event())).fetchOne(AUDIT_EVENT.HASH);
        if (!mark.hash().equals(hash)) {
            return Optional.of("events were removed from the end of the audit log and others written in their "
                    + "place: event " + mark.event() + " is not the one that had been written");
        }
        return Optional.empty();
    }

    /** Whether the database says this store has been anchored (so its anchor file must be there). */
    static boolean anchored(DSLContext dsl) {
        return dsl.fetchExists(APP_SETTING, APP_SETTING.SETTING_KEY.eq(ANCHORED));
    }

    /** Records in the database that the store has an anchor (once an anchor file has been written). */
    static void markAnchored(DSLContext dsl) {
        dsl.mergeInto(APP_SETTING)
                .using(org.jooq.impl.DSL.selectOne())
                .on(APP_SETTING.SETTING_KEY.eq(ANCHORED))
                .whenNotMatchedThenInsert(APP_SETTING.SETTING_KEY, APP_SETTING.SETTING_VALUE)
                .values(ANCHORED, "1")
                .execute();
    }

    /**
     * For a passphrase change: the genuine anchor of {@code dataDir} (sealed with {@code oldKey}'s anchor
     * key) sealed again with {@code newKey}'s, into {@code work}, to move in with the new store. A missing
     * or false anchor is not carried: it would vouch for what it cannot.
     */
    static void carry(Path dataDir, Path work, byte[] oldKey, byte[] newKey) throws IOException {
        byte[] oldAnchorKey = key(oldKey);
        byte[] newAnchorKey = key(newKey);
        try {
            Optional<Mark> mark;
            try {
                mark = read(dataDir, oldAnchorKey);
            } catch (StoreException notGenuine) {
                LOG.log(System.Logger.Level.WARNING, "The audit anchor was not carried over: it is not genuine");
                return;
            }
            if (mark.isPresent()) {
                write(work, newAnchorKey, mark.get());
            }
        } finally {
            java.util.Arrays.fill(oldAnchorKey, (byte) 0);
            java.util.Arrays.fill(newAnchorKey, (byte) 0);
        }
    }

    private static String seal(byte[] anchorKey, Mark mark) {
        String sealed = SEAL_LABEL + AuditTrail.SEPARATOR + mark.event() + AuditTrail.SEPARATOR + mark.hash();
        return HexFormat.of().formatHex(hmac(anchorKey, sealed.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            StoreErrors.log("sealing the audit anchor", e);
            throw new StoreException("This Java runtime cannot seal the audit anchor (HmacSHA256 is missing).");
        }
    }
}
