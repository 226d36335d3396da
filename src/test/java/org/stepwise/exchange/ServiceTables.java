package org.stepwise.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.stepwise.domain.measure.MeasureCatalogue;

/**
 * A service's own measure table, as a service writes it into its data folder: the bundled table with
 * the Impact of Event Scale - Revised (IESR, 22 items 0-4) added and made the PTSD descriptor's
 * anxiety measure in place of the PCL-5, and a body dysmorphic disorder descriptor (code BDD, ICD-10
 * F45.2). Nothing of it is in code.
 */
public final class ServiceTables {

    /** The table's text: the bundled rows, changed and added to as a service would. */
    public static final String IESR_AND_BDD = text();

    private ServiceTables() {
    }

    private static String text() {
        String bundled;
        try (InputStream in = MeasureCatalogue.class.getResourceAsStream(MeasureCatalogue.TABLE_FILE_NAME)) {
            bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String ptsd = "descriptor\tF43.1\tPost-traumatic stress disorder\tF43.1\t47505003\tPCL5\t";
        if (!bundled.contains(ptsd)) {
            throw new IllegalStateException("The bundled table's PTSD row changed: update this test table.");
        }
        return bundled.replace(ptsd, "descriptor\tF43.1\tPost-traumatic stress disorder\tF43.1\t47505003\tIESR\t")
                .replace("edition\t2 (2026-12)", "edition\t2 (2026-12) with the RX1 service's IES-R and BDD")
                + "\n# The service's own rows\n"
                + "measure\tIESR\tIES-R\tImpact of Event Scale - Revised\t22\t0\t4\tsum\t0\t0\t0\t88\tservice RX1\tverify\n"
                + "caseness\tIESR\t33\tat-or-above\tservice RX1\tverify\n"
                + "rci\tIESR\t9\tservice RX1\tverify\n"
                + "descriptor\tBDD\tBody dysmorphic disorder\tF45.2\t-\t-\tservice RX1\tverify\n";
    }

    /** The table read, as Stepwise reads a data folder's table. */
    public static MeasureCatalogue withIesrAndBdd() {
        return MeasureCatalogue.read(new StringReader(IESR_AND_BDD));
    }

    /** Writes the table as {@code measures.tsv} into a data folder; returns the folder. */
    public static Path writeInto(Path dataFolder) {
        try {
            Files.createDirectories(dataFolder);
            Files.writeString(dataFolder.resolve(MeasureCatalogue.TABLE_FILE_NAME), IESR_AND_BDD, StandardCharsets.UTF_8);
            return dataFolder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
