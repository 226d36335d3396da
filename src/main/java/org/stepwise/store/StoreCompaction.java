package org.stepwise.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.jooq.DSLContext;
import org.stepwise.architecture.DeliberateThread;
import org.stepwise.files.FileModes;

/**
 * Compacting the store file when much of it is free, as the store closes, without the practitioner
 * waiting for it (ADR 0018).
 *
 * <p>H2 writes every change to new pages and reuses the old ones only slowly, so a store that took
 * many small writes (a day's sessions, the demo caseload) holds a file far larger than its rows: the
 * demo store of 10,000 referrals is a 416 MB file of which H2 counts 10% in use, and every backup
 * copies the whole file. A normal close compacts for at most H2's 200 ms; when less than half of a
 * file of {@value #MIN_FILE_MIB} MiB or more is in use, the store closes with {@code SHUTDOWN
 * COMPACT} instead, which rewrites it to its live pages (416 MB to 23 MB).
 *
 * <p>That takes seconds, so it runs on its own thread once the store's work (the closing backup
 * included) is done: the window is gone by then and the process stays only until it finishes
 * ({@link #awaitAll}, called before the process exits). The data folder's lock is held until the
 * file is compacted, and opening the same folder again in this process waits for it
 * ({@link #awaitFor}).
 */
@DeliberateThread("compacts a closed store's file after the window is gone, so the practitioner does not wait; the "
        + "thread ends with the compaction, and the process waits for it before it exits")
final class StoreCompaction {

    /** A file smaller than this is left as it is: rewriting it gains little. */
    static final long MIN_FILE_MIB = 16;
    /** {@link #MIN_FILE_MIB} in bytes; the tests lower it to compact a small store. */
    static volatile long minFileBytes = MIN_FILE_MIB * 1024 * 1024;
    /** H2's {@code info.FILL_RATE} (percent of the file in use) below which closing compacts. */
    static final int FILL_RATE_BELOW = 50;
    /** {@link #FILL_RATE_BELOW}; the tests raise it to compact a small store H2 keeps nearly full. */
    static volatile int fillRateBelow = FILL_RATE_BELOW;

    private static final System.Logger LOG = System.getLogger(StoreCompaction.class.getName());
    private static final Map<Path, CountDownLatch> RUNNING = new ConcurrentHashMap<>();

    private StoreCompaction() {
    }

    /** True when the open store's file is at least {@code minBytes} and less than half of it is in use. */
    static boolean muchFree(DSLContext dsl, Path file, long minBytes) {
        try {
            long size = Files.size(file);
            if (size < minBytes) {
                return false;
            }
            Object fill = dsl.fetchValue("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = "
                    + "'info.FILL_RATE'");
            return fill != null && muchFree(size, minBytes, Integer.parseInt(fill.toString().trim()), fillRateBelow);
        } catch (IOException | RuntimeException e) {
            StoreErrors.log("reading how much of the store file is in use", e);
            return false;
        }
    }

    /**
     * True when the file is at least {@code minBytes} and at least twice the size it had when the store was
     * opened. H2 keeps the pages a session's writes replaced for a while before it counts them free, so a
     * store just filled (a demo, an import) reads as nearly full at its close although most of the file will
     * be free at the next open: its growth in the session says so instead.
     */
    static boolean grewMuch(Path file, long sizeAtOpen, long minBytes) {
        try {
            return grewMuch(Files.size(file), sizeAtOpen, minBytes);
        } catch (IOException e) {
            StoreErrors.log("reading the store file's size", e);
            return false;
        }
    }

    /** The rule: a file of at least {@code minBytes} that is at least twice its size at the open. */
    static boolean grewMuch(long size, long sizeAtOpen, long minBytes) {
        return size >= minBytes && size >= 2 * sizeAtOpen;
    }

    /** The rule: a file of at least {@code minBytes} with less than {@code below} percent in use. */
    static boolean muchFree(long size, long minBytes, int fillRate, int below) {
        return size >= minBytes && fillRate < below;
    }

    /**
     * Closes {@code connection} with {@code SHUTDOWN COMPACT} on a thread of its own, then runs
     * {@code release} (the folder's lock). Returns at once.
     */
    static void closeCompacting(Path folder, Path file, Connection connection, Runnable release) {
        CountDownLatch done = new CountDownLatch(1);
        RUNNING.put(folder, done);
        Thread.ofPlatform().name("store-compact").unstarted(() -> {
            long started = System.nanoTime();
            long before = size(file);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN COMPACT");
            } catch (SQLException e) {
                StoreErrors.log("compacting the store file", e);
            } finally {
                try {
                    connection.close();
                } catch (SQLException e) {
                    StoreErrors.log("closing the store", e);
                }
                // H2 writes the compacted file anew: it gets the owner-only mode the store's files have.
                if (Files.exists(file)) {
                    FileModes.ownerOnly(file);
                }
                release.run();
                RUNNING.remove(folder, done);
                done.countDown();
            }
            LOG.log(System.Logger.Level.INFO, "Compacted the store file from {0} MB to {1} MB in {2} ms",
                    before / 1_000_000, size(file) / 1_000_000, (System.nanoTime() - started) / 1_000_000);
        }).start();
    }

    /** Waits for a compaction of {@code folder} (its real path) started in this process, if one runs. */
    static void awaitFor(Path folder) {
        CountDownLatch running = RUNNING.get(folder);
        if (running != null) {
            awaitUninterruptibly(running);
        }
    }

    /** Waits for every compaction started in this process: called before the process exits. */
    static void awaitAll() {
        RUNNING.values().forEach(StoreCompaction::awaitUninterruptibly);
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
