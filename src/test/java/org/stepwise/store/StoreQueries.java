package org.stepwise.store;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.stepwise.domain.caseload.WrongPassphraseException;

/**
 * For measuring harnesses in other packages: runs SQL of the harness's own on a store's encrypted
 * database, opened as the store opens it, and gives each statement's single value (H2's
 * {@code CSVWRITE} gives the rows it wrote) and the time the statements took, the unlock not counted.
 * Not for tests: they go through the store port.
 */
public final class StoreQueries {

    /** The statements' values in order, and the nanoseconds they took together: elapsed, and CPU of the process. */
    public record Run(List<Object> values, long nanos, long cpuNanos) {
    }

    private StoreQueries() {
    }

    public static Run run(Path dataDir, char[] passphrase, List<String> statements) throws WrongPassphraseException {
        try (Database database = Database.unlock(dataDir.toAbsolutePath(), passphrase)) {
            List<Object> values = new ArrayList<>(statements.size());
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            for (String statement : statements) {
                values.add(database.dsl().fetchValue(statement));
            }
            return new Run(values, System.nanoTime() - start, processCpuNanos() - cpuStart);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
