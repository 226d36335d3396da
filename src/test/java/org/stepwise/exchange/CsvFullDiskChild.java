package org.stepwise.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.IntStream;

/**
 * For {@link CsvTablesTest}: {@code <folder>} writes the CSV tables of 3,000 referrals into the folder,
 * run with a file-size limit ({@code ulimit -f}) so that the disk is "full" part way; prints how it failed.
 */
public final class CsvFullDiskChild {

    private CsvFullDiskChild() {
    }

    public static void main(String[] args) {
        try {
            new CsvTables().write(Path.of(args[0]), OutcomeFiles.header("uid-1", "2026-11-23T09:00:00Z"),
                    IntStream.range(1, 3_000).mapToObj(i -> OutcomeFiles.referral(i).referred("2026-04-01").build())
                            .iterator());
            System.out.println("written");
        } catch (IOException e) {
            System.out.println("failed: " + e.getClass().getSimpleName());
        }
    }
}
