package org.stepwise.ui.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.practitioner.PractitionerNames;
import org.stepwise.exchange.PackFixtures;
import org.stepwise.exchange.SummaryTables;
import org.stepwise.exchange.TestFiles;
import org.stepwise.ui.review.ReviewViewModel.FileLine;
import org.stepwise.ui.review.ReviewViewModel.FlaggedCard;
import org.stepwise.ui.testing.ChosenFiles;
import org.stepwise.ui.testing.InPlace;

/** A supervisor's own names for practitioner pseudonyms on the review screen and in the pack. */
class ReviewNamesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:15:00Z"), ZoneId.of("Europe/London"));

    @TempDir
    Path folder;

    private final ChosenFiles chooser = new ChosenFiles();

    /** The store's list, as the shell gives it: read and saved whole. */
    private static final class Kept implements ReviewViewModel.NamesStore {
        PractitionerNames names = PractitionerNames.none();
        int saves;

        @Override
        public PractitionerNames read() {
            return names;
        }

        @Override
        public void save(PractitionerNames next) {
            names = next;
            saves++;
        }
    }

    private ReviewViewModel unlocked(Kept kept) {
        ReviewViewModel model = new ReviewViewModel(MeasureCatalogue.standard(), InPlace.runner(), chooser, CLOCK,
                () -> { });
        model.useStoreKey(() -> Optional.of(TestFiles.key()));
        model.useStoreNames(kept);
        chooser.toOpen = PackFixtures.fourFiles(folder);
        model.openFiles();
        return model;
    }

    @Test
    void namesEnteredOnceShowBesideThePseudonymInFilesTablesAndCards() {
        Kept kept = new Kept();
        ReviewViewModel model = unlocked(kept);
        String a = PackFixtures.practitionerA();
        assertEquals(a + " (PWP)", model.files().getFirst().practitioner());

        model.editNames();
        assertTrue(model.namesTextProperty().get().contains("# " + a), model.namesTextProperty().get());
        model.namesTextProperty().set(a + "  Alex Moss\n");
        model.saveNames();

        assertEquals(1, kept.saves);
        assertEquals(Map.of(a, "Alex Moss"), kept.names.byPseudonym());
        assertEquals("Saved in your store: 1 name.", model.namesMessageProperty().get());
        assertEquals("Alex Moss (" + a + ") (PWP)", model.files().getFirst().practitioner());
        SummaryTables.Table byPractitioner = model.tables().get(1);
        assertTrue(byPractitioner.rows().stream().anyMatch(r -> r.group().equals("Alex Moss (" + a + ")")),
                byPractitioner.rows().toString());
        assertTrue(model.flagged().stream().map(FlaggedCard::practitioner).anyMatch(p -> p.startsWith("Alex Moss (")));
    }

    @Test
    void aPractitionerIdBecomesItsPseudonymWithTheServiceKeyAndOnlyThePseudonymIsKept() {
        Kept kept = new Kept();
        ReviewViewModel model = unlocked(kept);
        String id = "3f1c0e52-8d7b-4c55-9a0e-0c2b5d1e7a10";
        model.namesTextProperty().set(id + ", Sam Okafor\n");
        model.saveNames();
        assertEquals(Map.of(TestFiles.key().pseudonymiser().practitioner(id), "Sam Okafor"), kept.names.byPseudonym());
        assertFalse(kept.names.byPseudonym().containsKey(id));
    }

    @Test
    void aBadLineSavesNothingAndIsNamedByItsNumber() {
        Kept kept = new Kept();
        ReviewViewModel model = unlocked(kept);
        model.namesTextProperty().set(PackFixtures.practitionerA() + " Alex Moss\np_123 Somebody\n");
        model.saveNames();
        assertEquals(0, kept.saves);
        assertEquals("Not saved. Line 2: A practitioner pseudonym is p_ and 16 hex digits (0-9, a-f).",
                model.namesMessageProperty().get());
        assertFalse(model.namesMessageProperty().get().contains("Somebody"));
    }

    @Test
    void namesKeptInTheStoreAreShownWhenTheFilesAreReadAndInThePackButNotAPublishableOne() throws Exception {
        Kept kept = new Kept();
        String a = PackFixtures.practitionerA();
        kept.names = PractitionerNames.of(Map.of(a, "Alex Moss"));
        ReviewViewModel model = unlocked(kept);
        assertEquals("Alex Moss (" + a + ") (PWP)", model.files().getFirst().practitioner());

        Path pack = folder.resolve("pack.pdf");
        chooser.toSave = Optional.of(pack);
        model.writePack();
        assertTrue(text(pack).contains("Alex Moss"), "the pack names the practitioner");

        Path publishable = folder.resolve("publishable.pdf");
        chooser.toSave = Optional.of(publishable);
        model.publishableProperty().set(true);
        model.writePack();
        assertFalse(text(publishable).contains("Alex Moss"), "a publishable pack names no one");
    }

    @Test
    void beforeUnlockTheNamesCannotBeEdited() {
        ReviewViewModel model = new ReviewViewModel(MeasureCatalogue.standard(), InPlace.runner(), chooser, CLOCK,
                () -> { });
        assertFalse(model.namesEditableProperty().get());
        model.saveNames();
        assertEquals("Unlock Stepwise to keep names: they are kept in your encrypted store.",
                model.namesMessageProperty().get());
        List<FileLine> none = model.files();
        assertTrue(none.isEmpty());
    }

    private static String text(Path pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }
}
