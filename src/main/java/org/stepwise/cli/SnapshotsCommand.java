package org.stepwise.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import javax.imageio.ImageIO;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.StoreAccess;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.caseload.WrongPassphraseException;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.ui.snapshot.Snapshot;
import org.stepwise.ui.snapshot.SnapshotContext;
import org.stepwise.ui.snapshot.SnapshotRenderer;
import org.stepwise.ui.snapshot.SnapshotScreens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code stepwise snapshots --out DIR}: draws the main screens over the data folder's store, with no
 * display (JavaFX's headless platform), as 1366×768 PNG pictures in DIR, one per screen of
 * {@link SnapshotScreens} ({@code caseload.png}, …), to look at layouts or show the product. The
 * pictures show names and NHS numbers, so only a demo store is drawn; a real caseload is refused.
 * Exit status 0 when every picture was written, 1 when refused or failed, 2 for a usage error.
 */
@Command(name = "snapshots", mixinStandardHelpOptions = true,
        description = "Draw the main screens of a demo store as 1366x768 PNG pictures, with no display.")
public final class SnapshotsCommand implements Callable<Integer> {

    @ParentCommand
    StepwiseCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the pictures (made if missing).")
    Path out;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter output = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path folder = parent.dataFolder();
        char[] passphrase = parent.passphrase();
        StoreAccess access = parent.services().storeAccess(folder);
        try {
            if (!access.exists()) {
                err.println("There is no store in " + folder + ". Give the data folder with --data-dir.");
                return 1;
            }
            try (CaseloadStore store = access.unlock(passphrase)) {
                StoreCommand.sayRecovered(store, err);
                if (!DemoCommand.isDemoStore(store)) {
                    err.println("The store in " + folder + " holds a real caseload: pictures would show patients' "
                            + "names and NHS numbers, so only a demo store is drawn (see stepwise demo).");
                    return 1;
                }
                Files.createDirectories(out);
                long referral = SnapshotContext.sampleReferral(store.referralRecords()).orElse(-1L);
                SnapshotRenderer.startPlatform();
                SnapshotRenderer renderer = new SnapshotRenderer(store, MeasureCatalogue.standard(),
                        Clock.systemDefaultZone());
                for (Snapshot snapshot : SnapshotScreens.all()) {
                    if (snapshot.needsReferral() && referral < 0) {
                        output.println("Skipped " + snapshot.name() + ": the store holds no referral.");
                        continue;
                    }
                    BufferedImage picture = renderer.render(snapshot, referral);
                    Path file = out.resolve(snapshot.name() + ".png");
                    ImageIO.write(picture, "png", file.toFile());
                    output.println("Wrote " + file);
                }
                return 0;
            }
        } catch (WrongPassphraseException | StoreException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("The pictures could not be written to " + out + ": " + e.getClass().getSimpleName());
            return 1;
        } catch (TimeoutException e) {
            err.println(e.getMessage());
            return 1;
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }
}
