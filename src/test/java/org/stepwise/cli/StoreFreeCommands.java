package org.stepwise.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.StoreAccess;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.practitioner.PractitionerProfile;

/**
 * Runs commands that read files ({@code review}, {@code pack}), keeping what they print. The data
 * folder's measure table is read as the composition root reads it ({@code measures.tsv} there, else
 * the bundled table); its store is {@code store} (none by default). By default the data folder is a
 * folder that does not exist, so no table or store of the machine running the tests is used.
 */
final class StoreFreeCommands {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    private final Map<String, String> env;
    private final StoreAccess store;

    StoreFreeCommands() {
        this(Map.of(DataFolders.ENV_DATA_DIR, Path.of(System.getProperty("java.io.tmpdir"),
                "stepwise-no-data-" + System.nanoTime()).toString()), null);
    }

    /** Commands run with this environment, the data folder's store being {@code store} (null: none). */
    StoreFreeCommands(Map<String, String> env, StoreAccess store) {
        this.env = env;
        this.store = store;
    }

    /** The exit status of {@code stepwise ARGS...}; each argument as its text (paths included). */
    int run(Object... args) {
        CliServices services = new CliServices() {
            @Override
            public StoreAccess storeAccess(Path dataFolder) {
                return store != null ? store : new NoStore();
            }

            @Override
            public MeasureCatalogue catalogue(Path dataFolder) {
                Path table = dataFolder.resolve(MeasureCatalogue.TABLE_FILE_NAME);
                if (!Files.exists(table)) {
                    return MeasureCatalogue.standard();
                }
                try (Reader reader = Files.newBufferedReader(table, StandardCharsets.UTF_8)) {
                    return MeasureCatalogue.read(reader);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public int openWindow(Path dataFolder) {
                throw new UnsupportedOperationException("no window in these tests");
            }
        };
        return StepwiseCommand.commandLine(services, env)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(Arrays.stream(args).map(Object::toString).toArray(String[]::new));
    }

    /** A data folder that holds no store. */
    private static final class NoStore implements StoreAccess {
        @Override
        public boolean exists() {
            return false;
        }

        @Override
        public CaseloadStore create(char[] passphrase, PractitionerProfile profile) {
            throw new UnsupportedOperationException("a review creates no store");
        }

        @Override
        public CaseloadStore unlock(char[] passphrase) {
            throw new UnsupportedOperationException("there is no store to unlock");
        }
    }
}
