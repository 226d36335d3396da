package org.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.stepwise.store.StoreFixtures.PROFILE;
import static org.stepwise.store.StoreFixtures.access;
import static org.stepwise.store.StoreFixtures.passphrase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.WrongPassphraseException;

/** Getting the unlock ready while the passphrase is typed opens nothing and changes no file. */
class UnlockPreparationTest {

    @TempDir
    Path dir;

    private List<String> files() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.map(p -> dir.relativize(p) + " " + p.toFile().length() + " " + p.toFile().lastModified())
                    .sorted().toList();
        }
    }

    @Test
    void preparingTouchesNoFileAndTheUnlockStillDecides() throws Exception {
        access(dir).create(passphrase(), PROFILE).close();
        List<String> before = files();

        access(dir).prepare();

        assertEquals(before, files());
        assertThrows(WrongPassphraseException.class, () -> access(dir).unlock("not the passphrase".toCharArray()));
        try (CaseloadStore store = access(dir).unlock(passphrase())) {
            assertEquals(PROFILE, store.profile());
        }
    }

    @Test
    void preparingWithoutAStoreCreatesNothing() throws Exception {
        Path empty = dir.resolve("empty");
        access(empty).prepare();
        assertEquals(false, Files.exists(empty));
    }
}
