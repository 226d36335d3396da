package org.stepwise.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.stepwise.files.FileModes;

/**
 * Rotating log files in the data folder ({@code logs/stepwise-0.log}, 1 MB each, 5 kept). The code logs
 * ids, counts, timings and exception classes only: never a name, NHS number, date of birth or note.
 * Nothing goes to the console, so command output stays clean.
 */
final class Logging {

    private static final int FILE_LIMIT_BYTES = 1_000_000;
    private static final int FILE_COUNT = 5;

    /** Loggers whose level we set are held here: java.util.logging forgets an unreferenced logger's level. */
    private static final java.util.List<Logger> CONFIGURED = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Logging() {
    }

    private static void level(String name, Level level) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(level);
        CONFIGURED.add(logger);
    }

    /** Before a data folder is known: warnings and errors only, to standard error, never patient data. */
    static void quiet() {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.WARNING);
        java.util.logging.ConsoleHandler console = new java.util.logging.ConsoleHandler();
        console.setLevel(Level.WARNING);
        root.addHandler(console);
        // JavaFX warns that it runs from the class path: that is how Stepwise is built, not a fault.
        level("com.sun.javafx.application.PlatformImpl", Level.SEVERE);
    }

    static void toDataFolder(Path dataFolder) {
        System.setProperty("java.util.logging.SimpleFormatter.format",
                "%1$tFT%1$tT.%1$tL%1$tz %4$-7s %3$s: %5$s%6$s%n");
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        try {
            // Owner-only (0700, files 0600): another user of the computer cannot read the logs (issue 19).
            Path logs = FileModes.createFolder(dataFolder.resolve("logs"));
            FileModes.ownerOnly(logs);
            Handler file = new FileHandler(logs.resolve("stepwise-%g.log").toString(), FILE_LIMIT_BYTES, FILE_COUNT, true);
            try (var files = Files.list(logs)) {
                files.forEach(FileModes::ownerOnly);
            }
            file.setFormatter(new SimpleFormatter());
            file.setLevel(Level.INFO);
            root.addHandler(file);
        } catch (IOException | RuntimeException e) {
            // No log file (read-only folder, for instance): run without one rather than not at all.
            root.setLevel(Level.OFF);
        }
        // Libraries that log chatty INFO lines (migrations, banners) are kept to warnings.
        level("org.flywaydb", Level.WARNING);
        level("org.jooq", Level.WARNING);
        level("com.sun.javafx.application.PlatformImpl", Level.SEVERE);
    }
}
