package org.stepwise.store;

import static org.stepwise.store.generated.Tables.PRACTITIONER_PROFILE;
import static org.stepwise.store.generated.Tables.SERVICE_CORRIDOR;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Record;
import org.stepwise.domain.audit.AuditAction;
import org.stepwise.domain.caseload.CorridorStore;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.trajectory.ImportedCorridorFile;

/**
 * The imported service corridor file over jOOQ ({@code service_corridor}, one row at most): kept as its
 * bytes, replaced whole, each import audited (created the first time, changed when it replaces one).
 */
final class JooqCorridorStore implements CorridorStore {

    private static final int MAX_FILE_NAME = 255;

    private final StoreSession session;

    JooqCorridorStore(StoreSession session) {
        this.session = session;
    }

    @Override
    public Optional<ImportedCorridorFile> serviceCorridorFile() {
        return session.read("reading the service's expected ranges", "The service's expected ranges could not be read.",
                dsl -> dsl.selectFrom(SERVICE_CORRIDOR).where(SERVICE_CORRIDOR.ID.eq(1))
                        .fetchOptional(JooqCorridorStore::kept));
    }

    @Override
    public ImportedCorridorFile saveServiceCorridorFile(byte[] content, String serviceCode, Instant generatedAt,
            String fileName, boolean replace) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(serviceCode, "serviceCode");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(fileName, "fileName");
        if (content.length == 0) {
            throw new IllegalArgumentException("A corridor file has content.");
        }
        String name = fileName.strip();
        if (name.isEmpty() || name.length() > MAX_FILE_NAME || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("A corridor file is kept with its file name only (1 to " + MAX_FILE_NAME
                    + " characters, no folder).");
        }
        String sha256 = sha256(content);
        byte[] copy = content.clone();
        return session.write("importing the service's expected ranges", "The service's expected ranges were not imported.",
                dsl -> {
                    String ours = dsl.select(PRACTITIONER_PROFILE.SERVICE_CODE).from(PRACTITIONER_PROFILE)
                            .where(PRACTITIONER_PROFILE.ID.eq(1)).fetchSingle(PRACTITIONER_PROFILE.SERVICE_CODE);
                    if (!ours.equals(serviceCode)) {
                        throw new Refusal("The corridor file is for service " + serviceCode + ", and this store is "
                                + "service " + ours + "'s: import your own service's expected ranges.");
                    }
                    Optional<ImportedCorridorFile> before = dsl.selectFrom(SERVICE_CORRIDOR)
                            .where(SERVICE_CORRIDOR.ID.eq(1)).fetchOptional(JooqCorridorStore::kept);
                    if (before.isPresent() && before.get().sha256().equals(sha256)) {
                        throw new Refusal("This corridor file is already imported (" + before.get().fileName() + ").");
                    }
                    if (before.isPresent() && !replace) {
                        throw new Refusal("A corridor file is already imported (" + before.get().fileName()
                                + "); importing this one replaces it.");
                    }
                    dsl.deleteFrom(SERVICE_CORRIDOR).execute();
                    dsl.insertInto(SERVICE_CORRIDOR)
                            .set(SERVICE_CORRIDOR.ID, 1)
                            .set(SERVICE_CORRIDOR.CONTENT, copy)
                            .set(SERVICE_CORRIDOR.SHA256, sha256)
                            .set(SERVICE_CORRIDOR.SERVICE_CODE, serviceCode)
                            .set(SERVICE_CORRIDOR.GENERATED_AT, generatedAt.atOffset(ZoneOffset.UTC))
                            .set(SERVICE_CORRIDOR.FILE_NAME, name)
                            .set(SERVICE_CORRIDOR.IMPORTED_AT, session.now())
                            .execute();
                    session.audit(dsl, before.isPresent() ? AuditAction.CHANGE : AuditAction.CREATE, "service_corridor",
                            1L, "generated " + generatedAt);
                    return dsl.selectFrom(SERVICE_CORRIDOR).where(SERVICE_CORRIDOR.ID.eq(1))
                            .fetchSingle(JooqCorridorStore::kept);
                });
    }

    private static ImportedCorridorFile kept(Record r) {
        return new ImportedCorridorFile(r.get(SERVICE_CORRIDOR.CONTENT), r.get(SERVICE_CORRIDOR.SHA256),
                r.get(SERVICE_CORRIDOR.SERVICE_CODE), r.get(SERVICE_CORRIDOR.GENERATED_AT).toInstant(),
                r.get(SERVICE_CORRIDOR.FILE_NAME), r.get(SERVICE_CORRIDOR.IMPORTED_AT).toInstant());
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new StoreException("This Java runtime cannot compute a digest (SHA-256 is missing).");
        }
    }
}
