package org.stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.audit.AuditAction;
import org.stepwise.domain.audit.AuditEvent;
import org.stepwise.domain.audit.AuditQuery;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.exchange.ServiceKey;
import org.stepwise.exchange.ServiceKeyFile;
import org.stepwise.store.TestStores;

/**
 * {@code stepwise service-key export FILE} and {@code import FILE [--replace]} over real stores: one
 * practitioner's key goes to a second practitioner's store through a key file, which is written whole,
 * owner-only; a different key in use is replaced only when asked, after saying what that means.
 */
class ServiceKeyCommandTest {

    @TempDir
    Path folder;
    Path first;
    Path second;
    ServiceKey firstKey = ServiceKey.generate();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    @BeforeEach
    void twoStoresOfOneService() {
        first = folder.resolve("first");
        second = folder.resolve("second");
        try (CaseloadStore store = TestStores.create(first)) {
            store.saveServiceKey(firstKey.bytes(), "generated");
        }
        TestStores.create(second).close();
    }

    private int run(Path data, String... args) {
        return StoreCommands.run(data, out, err, args);
    }

    private static byte[] keyOf(Path data) throws Exception {
        try (CaseloadStore store = TestStores.access(data).unlock(TestStores.passphrase().toCharArray())) {
            return store.serviceKey().orElse(null);
        }
    }

    private static List<AuditEvent> events(Path data, AuditAction action) throws Exception {
        try (CaseloadStore store = TestStores.access(data).unlock(TestStores.passphrase().toCharArray())) {
            return store.audit().events(new AuditQuery(null, null, action, ZoneOffset.UTC));
        }
    }

    @Test
    void aKeyExportedFromOneStoreIsImportedIntoAnother() throws Exception {
        Path file = folder.resolve("rx1.key");

        assertEquals(0, run(first, "service-key", "export", file.toString()), err::toString);
        assertTrue(out.toString().contains("fingerprint " + firstKey.fingerprint()), out::toString);
        ServiceKeyFile.Contents written = ServiceKeyFile.read(file);
        assertEquals(firstKey, written.key());
        assertEquals("RX1", written.serviceCode());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), "owner only");
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of("first", "rx1.key", "second"), left.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary file left beside it");
        }
        List<AuditEvent> exports = events(first, AuditAction.EXPORT);
        assertEquals("service key file, fingerprint " + firstKey.fingerprint(), exports.getLast().detail());

        assertEquals(0, run(second, "service-key", "import", file.toString()), err::toString);
        assertArrayEquals(firstKey.bytes(), keyOf(second), "both stores now make the same pseudonyms");
        assertTrue(out.toString().contains("Imported the service key of service RX1 (fingerprint "
                + firstKey.fingerprint() + ")."), out::toString);
        AuditEvent imported = events(second, AuditAction.CHANGE).getLast();
        assertEquals("service_key", imported.entity());
        assertEquals("imported", imported.detail());

        assertEquals(0, run(second, "service-key", "import", file.toString()));
        assertTrue(out.toString().startsWith("This key is already in use"), out::toString);
    }

    @Test
    void aDifferentKeyInUseIsReplacedOnlyWithReplaceAfterSayingWhatThatMeans() throws Exception {
        ServiceKey other = ServiceKey.generate();
        try (CaseloadStore store = TestStores.access(second).unlock(TestStores.passphrase().toCharArray())) {
            store.saveServiceKey(other.bytes(), "generated");
        }
        Path file = folder.resolve("rx1.key");
        assertEquals(0, run(first, "service-key", "export", file.toString()));
        int changes = events(second, AuditAction.CHANGE).size();

        assertEquals(1, run(second, "service-key", "import", file.toString()));

        String refusal = err.toString();
        assertTrue(refusal.contains("already uses a different service key (fingerprint " + other.fingerprint() + ")"),
                refusal);
        assertTrue(refusal.contains("Nothing was changed."), refusal);
        assertTrue(refusal.contains("will not match the pseudonyms of files written from now on"), refusal);
        assertTrue(refusal.contains("integrity MAC"), refusal);
        assertTrue(refusal.contains("--replace"), refusal);
        assertArrayEquals(other.bytes(), keyOf(second), "the key in use is kept");
        assertEquals(changes, events(second, AuditAction.CHANGE).size(), "nothing recorded");

        assertEquals(0, run(second, "service-key", "import", file.toString(), "--replace"), err::toString);
        assertArrayEquals(firstKey.bytes(), keyOf(second));
        assertTrue(out.toString().contains("It replaced the key with fingerprint " + other.fingerprint()), out::toString);
    }

    @Test
    void aKeyFileOfAnotherServiceOrADamagedOneIsRefused() throws Exception {
        Path otherService = folder.resolve("rx2.key");
        ServiceKeyFile.write(otherService, new ServiceKeyFile.Contents("RX2", ServiceKey.generate()));
        assertEquals(1, run(second, "service-key", "import", otherService.toString()));
        assertTrue(err.toString().startsWith("This key file is for service RX2, and this caseload's service is RX1."),
                err::toString);

        Path damaged = folder.resolve("damaged.key");
        Files.writeString(damaged, ServiceKeyFile.text(new ServiceKeyFile.Contents("RX1", ServiceKey.generate()))
                .replaceFirst("fingerprint: [0-9a-f]+", "fingerprint: 0000000000000000"));
        assertEquals(1, run(second, "service-key", "import", damaged.toString()));
        assertEquals("The key file is damaged: its key does not match its fingerprint.", err.toString().strip());

        assertEquals(1, run(second, "service-key", "import", folder.resolve("missing.key").toString()));
        assertEquals("The key file could not be read (NoSuchFileException).", err.toString().strip());
        assertEquals(null, keyOf(second), "no key was stored");
    }

    @Test
    void exportRefusesAnExistingFileAndAStoreWithoutAKey() throws Exception {
        Path existing = folder.resolve("existing.key");
        Files.writeString(existing, "keep me");
        assertEquals(1, run(first, "service-key", "export", existing.toString()));
        assertTrue(err.toString().startsWith("There is already a file at "), err::toString);
        assertEquals("keep me", Files.readString(existing));

        Path none = folder.resolve("none.key");
        assertEquals(1, run(second, "service-key", "export", none.toString()));
        assertTrue(err.toString().startsWith("This store has no service key yet"), err::toString);
        assertFalse(Files.exists(none));
        assertEquals(List.of(), events(second, AuditAction.EXPORT));
    }

    @Test
    void withoutASubcommandItShowsHowToCallIt() {
        assertEquals(2, run(first, "service-key"));
        assertTrue(err.toString().contains("export") && err.toString().contains("import"), err::toString);
    }
}
