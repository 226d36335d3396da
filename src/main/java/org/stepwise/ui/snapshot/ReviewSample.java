package org.stepwise.ui.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.Parent;
import org.stepwise.exchange.ExportPeriod;
import org.stepwise.exchange.OutcomeExport;
import org.stepwise.ui.common.FileChooserService;
import org.stepwise.ui.review.ReviewView;
import org.stepwise.ui.review.ReviewViewModel;

/**
 * The review screen as a snapshot: the store's own outcome file of this financial year, exported
 * (pseudonymised, with the store's service key) into a temporary folder on the snapshot's store
 * thread, then opened in the review. The file is removed when the program ends. A store with no
 * service key shows the empty review.
 */
final class ReviewSample {

    private ReviewSample() {
    }

    static Parent screen(SnapshotContext context) {
        ReviewViewModel model = new ReviewViewModel(context.catalogue(), context.runner(), FileChooserService.NONE,
                context.clock(), () -> { });
        context.runner().task(() -> exportOf(context))
                .onSuccess(model::add)
                .start();
        return new ReviewView(model).root();
    }

    private static List<Path> exportOf(SnapshotContext context) throws IOException {
        OutcomeExport export = new OutcomeExport(context.store(), context.catalogue(), context.clock());
        if (export.serviceKey().isEmpty()) {
            return List.of();
        }
        Path folder = Files.createTempDirectory("stepwise-review-snapshot");
        folder.toFile().deleteOnExit();
        Path file = export.writeJson(folder, ExportPeriod.financialYearContaining(LocalDate.now(context.clock())),
                (done, total) -> { }).written().file();
        file.toFile().deleteOnExit();
        return List.of(file);
    }
}
