package org.stepwise.app;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import org.stepwise.cli.StepwiseCommand;

/**
 * A Stepwise process for {@link BoundedExportTest}: runs one command line, as {@code Main} does, then
 * prints the exit status and the peak heap use (the sum of each heap pool's peak) so that the parent
 * can check that the command stayed within the small heap it was given.
 */
public final class BoundedExportChild {

    private BoundedExportChild() {
    }

    public static void main(String[] args) {
        Logging.quiet();
        long started = System.nanoTime();
        int status = StepwiseCommand.run(args, new AppServices(), System.getenv());
        long millis = (System.nanoTime() - started) / 1_000_000;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("status " + status);
        System.out.println("millis " + millis);
        System.out.println("peak-heap-bytes " + peak);
        System.out.println("max-heap-bytes " + Runtime.getRuntime().maxMemory());
        System.out.flush();
        System.exit(status);
    }
}
