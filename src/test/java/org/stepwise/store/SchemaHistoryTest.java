package org.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.stepwise.store.StoreFixtures.PROFILE;
import static org.stepwise.store.StoreFixtures.access;
import static org.stepwise.store.StoreFixtures.dsl;
import static org.stepwise.store.StoreFixtures.passphrase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.StoreException;

/**
 * An unlock leaves Flyway out only for a store whose schema is exactly the current one; any other
 * store still goes through Flyway, as every store did before.
 */
class SchemaHistoryTest {

    @TempDir
    Path dir;

    @AfterEach
    void latestAgain() {
        Database.schemaTarget = "latest";
    }

    @Test
    void theMigrationListNamesEveryMigrationScript() throws IOException {
        try (Stream<Path> scripts = Files.list(Path.of("src/main/resources/db/migration"))) {
            List<String> versions = scripts.map(p -> p.getFileName().toString())
                    .filter(name -> name.matches("V[0-9._]+__.*\\.sql"))
                    .map(name -> name.substring(1, name.indexOf("__")))
                    .sorted(Comparator.comparing((String v) -> Arrays.stream(v.split("[._]"))
                            .mapToInt(Integer::parseInt).toArray(), Arrays::compare))
                    .toList();
            assertEquals(versions, SchemaHistory.MIGRATIONS);
        }
    }

    /** versions applied ("-" none), whether one failed, the target, and whether Flyway may be left out. */
    @ParameterizedTest(name = "applied {0}, failed {1}, target {2}: current {3}")
    @CsvSource({
            "1;2;3;4;5;6,  false, latest, true",
            "6;5;4;3;1;2,  false, latest, true",
            "1;2;3;4;5,    false, latest, false",
            "1;2;3;4;6,    false, latest, false",
            "1;2;3,        false, latest, false",
            "1,            false, latest, false",
            "1;2;3;4;5;6,  true,  latest, false",
            "1;2;3;4;5;6;99, false, latest, false",
            "1;3;4;5;6,    false, latest, false",
            "1;2;3;4;5;99, false, latest, false",
            "-,         false, latest, false",
            "1,         false, 1,      true",
            "1;2,       false, 1,      false",
            "1;2;3,     false, 3,      true",
            "1;2;3;4,   false, 9,      false",
    })
    void onlyAStoreExactlyAtTheTargetIsCurrent(String applied, boolean failed, String target, boolean current) {
        List<String> versions = applied.equals("-") ? List.of() : List.of(applied.split(";"));
        assertEquals(current, new SchemaHistory(true, failed, versions).current(target));
    }

    @Test
    void aFileWithoutTheHistoryTableIsNotCurrent() {
        assertEquals(false, new SchemaHistory(false, false, List.of()).current("latest"));
    }

    @ParameterizedTest(name = "{0} against {1}: {2}")
    @CsvSource({"1, 2, -1", "3, 3, 0", "4, 3, 1", "1.10, 1.2, 1", "2, 1.9, 1", "3.0, 3, 0", "10, 9, 1", "3.x, 3.1, 1"})
    void versionsCompareAsNumbersPartByPart(String one, String other, int order) {
        assertEquals(order, Integer.signum(SchemaHistory.compare(one, other)));
    }

    @Test
    void aStoreAtTheCurrentSchemaOpensWithoutFlyway() throws Exception {
        access(dir).create(passphrase(), PROFILE).close();
        try (CaseloadStore store = access(dir).unlock(passphrase())) {
            assertEquals(true, dsl(store).connectionResult(SchemaHistory::read).current("latest"));
            // Flyway, had it run, would refuse a script whose recorded checksum no longer matches.
            dsl(store).execute("UPDATE \"" + Database.HISTORY_TABLE + "\" SET \"checksum\" = 7 WHERE \"version\" = '4'");
        }
        access(dir).unlock(passphrase()).close();
    }

    @Test
    void anOlderStoreIsMigratedOnUnlock() throws Exception {
        Database.schemaTarget = "2";
        access(dir).create(passphrase(), PROFILE).close();
        Database.schemaTarget = "latest";
        try (CaseloadStore store = access(dir).unlock(passphrase())) {
            SchemaHistory history = dsl(store).connectionResult(SchemaHistory::read);
            assertEquals(SchemaHistory.MIGRATIONS, history.versions().stream().sorted().toList());
            assertEquals(true, history.current("latest"));
        }
    }

    @Test
    void aStoreFromANewerStepwiseIsRefusedEachTime() throws Exception {
        try (CaseloadStore store = access(dir).create(passphrase(), PROFILE)) {
            dsl(store).execute("INSERT INTO \"" + Database.HISTORY_TABLE + "\" (\"installed_rank\", \"version\", "
                    + "\"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", "
                    + "\"success\") VALUES (99, '99', 'from a newer Stepwise', 'SQL', 'V99__newer.sql', 1, 'STEPWISE', 1, TRUE)");
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            StoreException refused = assertThrows(StoreException.class, () -> access(dir).unlock(passphrase()).close());
            assertEquals(Database.NEWER_STORE, refused.getMessage());
        }
    }
}
