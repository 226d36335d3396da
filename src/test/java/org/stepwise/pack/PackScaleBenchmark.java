package org.stepwise.pack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.stepwise.exchange.PackFixtures;

/**
 * Makes the outcome file for measuring the supervision pack at size (a measurement, not a test):
 * {@code make DIR COUNT} writes one practitioner's file of COUNT open referrals, every one flagged
 * ({@link PackFixtures#manyFlagged}: an assessment, seven treatment contacts, a risk item at the last).
 * The pack itself is then made by the real command in a child JVM with the heap limit to hold to,
 * measured from outside, for example:
 * <pre>
 * /usr/bin/time -v java -Xmx256m -Xlog:gc:file=gc.log -jar target/stepwise.jar pack DIR/many/*.json --out pack.pdf
 * </pre>
 * (maximum resident set size and elapsed time from {@code time}, the heap in use before each
 * collection from the log). {@code installer/bench-pack.sh} does both steps.
 */
public final class PackScaleBenchmark {

    private PackScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3 || !args[0].equals("make")) {
            System.err.println("usage: PackScaleBenchmark make DIR COUNT");
            System.exit(2);
        }
        Path folder = Files.createDirectories(Path.of(args[1]));
        int count = Integer.parseInt(args[2]);
        long start = System.nanoTime();
        Path file = PackFixtures.manyFlagged(folder, count);
        System.out.printf(Locale.ROOT, "wrote %s: %d flagged referrals, %d MB, in %d ms%n", file, count,
                Files.size(file) >> 20, (System.nanoTime() - start) / 1_000_000);
    }
}
