package org.stepwise.app;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.stepwise.cli.StartRefused;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureTableException;

/**
 * The measure table in force for a data folder: the service's {@code measures.tsv} in the folder when
 * there is one (it replaces the bundled table whole), else the bundled table. A service table that
 * cannot be used stops Stepwise from starting, with the line and the reason: scoring with a table
 * other than the one the service chose would be wrong without anyone noticing.
 */
final class MeasureTables {

    private static final System.Logger LOG = System.getLogger(MeasureTables.class.getName());

    private MeasureTables() {
    }

    static MeasureCatalogue forDataFolder(Path dataFolder) {
        Path file = dataFolder.resolve(MeasureCatalogue.TABLE_FILE_NAME);
        if (!Files.exists(file)) {
            return MeasureCatalogue.standard();
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            MeasureCatalogue service = MeasureCatalogue.read(reader);
            LOG.log(System.Logger.Level.INFO, "Using the service''s measure table, edition {0}", service.edition());
            return service;
        } catch (MeasureTableException e) {
            LOG.log(System.Logger.Level.WARNING, "The service''s measure table was refused at line {0}", e.line());
            throw new StartRefused("The service's measure table " + file + " cannot be used: line " + e.line() + ": "
                    + e.reason() + ". Stepwise has not started. Correct the file, or remove it to use the bundled table.");
        } catch (IOException | UncheckedIOException e) {
            LOG.log(System.Logger.Level.WARNING, "The service''s measure table could not be read: {0}", e.getClass().getName());
            throw new StartRefused("The service's measure table " + file + " cannot be read. Stepwise has not started. "
                    + "Check the file, or remove it to use the bundled table.");
        }
    }
}
