package org.stepwise.ui.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.referral.StepChange;
import org.stepwise.exchange.PackFixtures;
import org.stepwise.exchange.ReviewFixtures;
import org.stepwise.exchange.SummaryTables;
import org.stepwise.exchange.TestFiles;
import org.stepwise.ui.review.ReviewViewModel.FileLine;
import org.stepwise.ui.review.ReviewViewModel.FlaggedCard;
import org.stepwise.ui.testing.ChosenFiles;
import org.stepwise.ui.testing.InPlace;

class ReviewViewModelTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:15:00Z"), ZoneId.of("Europe/London"));

    @TempDir
    Path folder;

    private final ChosenFiles chooser = new ChosenFiles();
    private int backs;

    private ReviewViewModel model() {
        return new ReviewViewModel(MeasureCatalogue.standard(), InPlace.runner(), chooser, CLOCK, () -> backs++);
    }

    private ReviewViewModel withFourFiles() {
        ReviewViewModel model = model();
        chooser.toOpen = PackFixtures.fourFiles(folder);
        model.openFiles();
        return model;
    }

    @Test
    void acceptedAndRefusedFilesAreListedInTheOrderOpenedTheRefusedOneWithItsReason() {
        ReviewViewModel model = withFourFiles();
        List<FileLine> files = model.files();
        assertEquals(List.of(true, true, true, false), files.stream().map(FileLine::read).toList());
        assertEquals(chooser.toOpen.stream().map(p -> p.getFileName().toString()).toList(),
                files.stream().map(FileLine::name).toList());
        FileLine a = files.getFirst();
        assertEquals(PackFixtures.practitionerA() + " (PWP)", a.practitioner());
        assertEquals("1 Apr 2026 to 31 Mar 2027", a.period());
        assertEquals("4 referrals, 10 contacts, 20 scores", a.counts());
        assertEquals("Verified", a.note());
        assertEquals("Refused: integrity check failed: the file was altered after export (its digest does not match its "
                + "header and referrals)", files.get(3).note());
        assertEquals("3 read, 1 refused · 11 referrals · 4 flagged", model.statusProperty().get());
        assertTrue(model.packAvailableProperty().get());
    }

    /** Bad files opened with good ones: each listed with its own reason, and the good ones still read. */
    @Test
    void anAlteredATruncatedAnotherVersionsAndANonJsonFileAreRefusedWhileTheRestLoad() {
        ReviewViewModel model = model();
        List<Path> broken = PackFixtures.fourBroken(folder);
        List<Path> opened = new ArrayList<>(broken);
        opened.add(1, ReviewFixtures.practitionerA(folder));
        opened.add(PackFixtures.practitionerC(folder));
        chooser.toOpen = opened;
        model.openFiles();

        List<String> notes = new ArrayList<>();
        for (FileLine line : model.files()) {
            if (!line.read()) {
                notes.add(line.note());
            }
        }
        assertEquals(4, notes.size(), notes.toString());
        for (int i = 0; i < notes.size(); i++) {
            assertTrue(notes.get(i).startsWith("Refused: " + PackFixtures.BROKEN_REASONS.get(i)), notes.get(i));
        }
        assertEquals(List.of(false, true, false, false, false, true), model.files().stream().map(FileLine::read).toList());
        assertEquals("2 read, 4 refused · 8 referrals · 3 flagged", model.statusProperty().get());
        assertEquals(new SummaryTables.Cell("8", null, null), model.tables().getFirst().rows().getFirst().cells().get(0));
        assertTrue(model.packAvailableProperty().get(), "a pack can be made from the files that were read");
    }

    @Test
    void theSummaryTablesHoldEveryFigureWithItsNumeratorAndDenominator() {
        ReviewViewModel model = withFourFiles();
        assertEquals(List.of("Overall", "By practitioner", "By step", "By problem descriptor"),
                model.tables().stream().map(SummaryTables.Table::title).toList());
        SummaryTables.Row overall = model.tables().getFirst().rows().getFirst();
        assertEquals(new SummaryTables.Cell("11", null, null), overall.cells().get(0));
        // Edition 2: R1 and R9 recovered of 5 finished (R1, R2, R3, R5, R9) less R3, not at caseness.
        assertEquals(new SummaryTables.Cell("2", "4", "50.0%", SummaryTables.Mark.MEETS), overall.cells().get(3));
        assertEquals(List.of("Step 2", "Step 3", "No contact yet"),
                model.tables().get(2).rows().stream().map(SummaryTables.Row::group).toList());
        assertEquals(3, model.tables().get(1).rows().size());
    }

    /** Exact, then publishable, then exact again: the option changes every table at once. */
    @ParameterizedTest(name = "publishable {0}")
    @CsvSource({"false, 11, 2, 4, 50.0%, MEETS", "true, 10, <5, <5, suppressed, "})
    void thePublishableOptionSuppressesSmallNumbersInEveryTable(boolean publishable, String referrals, String recovered,
            String atCaseness, String recovery, SummaryTables.Mark mark) {
        ReviewViewModel model = withFourFiles();
        model.publishableProperty().set(publishable);
        SummaryTables.Row overall = model.tables().getFirst().rows().getFirst();
        assertEquals(new SummaryTables.Cell(referrals, null, null), overall.cells().get(0));
        assertEquals(new SummaryTables.Cell(recovered, atCaseness, recovery, mark), overall.cells().get(3));
        boolean anySmall = model.tables().stream().flatMap(t -> t.rows().stream()).flatMap(r -> r.cells().stream())
                .anyMatch(c -> c.count().equals("1") || c.count().equals("2"));
        assertEquals(!publishable, anySmall, "no count under 5 shown in a publishable summary");
    }

    @Test
    void flaggedReferralsComeGravestFirstWithTheirFlagsRulesFiguresAndChart() {
        ReviewViewModel model = withFourFiles();
        assertEquals(List.of(PackFixtures.pseudonym(7), PackFixtures.pseudonym(8), PackFixtures.pseudonym(3),
                PackFixtures.pseudonym(4)), model.flagged().stream().map(FlaggedCard::referral).toList());
        FlaggedCard r8 = model.flagged().get(1);
        assertEquals(PackFixtures.practitionerC(), r8.practitioner());
        assertEquals(List.of(Flag.RELIABLE_DETERIORATION.label(), Flag.NOT_ON_TRACK.label(), Flag.NO_CONTACT_4_WEEKS.label()),
                r8.flags().stream().map(ReviewViewModel.FlagLine::label).toList());
        assertEquals(Flag.NOT_ON_TRACK.rule(), r8.flags().get(1).rule());
        Map<String, String> figures = new LinkedHashMap<>();
        r8.figures().forEach(f -> figures.put(f.label(), f.value()));
        assertEquals("first 18, latest 24 (+6)", figures.get("PHQ-9"));
        assertEquals(List.of(new StepChange(LocalDate.of(2026, 4, 20), 2), new StepChange(LocalDate.of(2026, 6, 1), 3)),
                r8.steps());
        assertEquals(PackFixtures.pseudonym(8), r8.record().key());
        assertEquals(4, r8.practitionerReferrals().size(), "the corridor is drawn from the same practitioner's referrals");
    }

    @Test
    void openingMoreFilesReviewsThemAllAndAFileAlreadyOpenIsNotAddedTwice() {
        ReviewViewModel model = model();
        Path a = ReviewFixtures.practitionerA(folder);
        model.add(List.of(a));
        assertEquals(1, model.files().size());
        assertEquals("1 read, 0 refused · 4 referrals · 2 flagged", model.statusProperty().get());
        model.add(List.of(a, ReviewFixtures.practitionerB(folder)));
        assertEquals(2, model.files().size());
        assertEquals("2 read, 0 refused · 7 referrals · 3 flagged", model.statusProperty().get());
        model.clear();
        assertTrue(model.files().isEmpty());
        assertTrue(model.tables().isEmpty());
        assertTrue(model.flagged().isEmpty());
        assertFalse(model.packAvailableProperty().get());
        assertEquals("No file open.", model.statusProperty().get());
    }

    @Test
    void onlyRefusedFilesGiveNoTablesAndNoPack() {
        ReviewViewModel model = model();
        model.add(List.of(PackFixtures.altered(folder)));
        assertEquals(1, model.files().size());
        assertTrue(model.tables().isEmpty());
        assertFalse(model.packAvailableProperty().get());
        chooser.toSave = Optional.of(folder.resolve("pack.pdf"));
        model.writePack();
        assertTrue(chooser.asked.isEmpty(), "no pack is offered");
    }

    /** Reading happens on the runner; while it runs the screen is busy, and only the latest request is shown. */
    @Test
    void theLatestRequestWinsAndTheScreenIsBusyMeanwhile() {
        InPlace.Held held = new InPlace.Held();
        ReviewViewModel model = new ReviewViewModel(MeasureCatalogue.standard(), held.runner(), chooser, CLOCK, () -> { });
        model.add(List.of(ReviewFixtures.practitionerA(folder)));
        model.add(List.of(ReviewFixtures.practitionerB(folder)));
        assertTrue(model.busyProperty().get());
        assertTrue(model.files().isEmpty(), "nothing is read on the calling thread");
        held.runNext();
        assertTrue(model.files().isEmpty(), "an earlier request is not shown");
        assertTrue(model.busyProperty().get());
        held.runNext();
        assertEquals(2, model.files().size());
        assertFalse(model.busyProperty().get());
    }

    @ParameterizedTest(name = "publishable {0}")
    @CsvSource({"false, Exact figures", "true, Summary figures (publishable summary)"})
    void thePackIsWrittenWhereChosenWithTheOptionInForce(boolean publishable, String expected) throws IOException {
        ReviewViewModel model = withFourFiles();
        model.publishableProperty().set(publishable);
        Path target = folder.resolve("pack.pdf");
        chooser.toSave = Optional.of(target);
        model.writePack();
        assertEquals(List.of("Open outcome files", "Save the supervision pack | stepwise-supervision-pack-20261124.pdf"),
                chooser.asked);
        assertEquals("Supervision pack saved: pack.pdf" + (publishable ? " (publishable summary)" : ""),
                model.packMessageProperty().get());
        try (PDDocument document = Loader.loadPDF(target.toFile())) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains(expected), text);
            assertTrue(text.contains("24 Nov 2026 at 10:15"), text);
        }
    }

    @Test
    void aCancelledSaveWritesNothingAndAFailedOneSaysSo() throws IOException {
        ReviewViewModel model = withFourFiles();
        model.writePack();
        assertEquals("", model.packMessageProperty().get());
        try (var left = Files.list(folder)) {
            assertTrue(left.noneMatch(p -> p.toString().endsWith(".pdf")));
        }
        chooser.toSave = Optional.of(folder.resolve("no-such-folder").resolve("pack.pdf"));
        model.writePack();
        assertEquals("The supervision pack could not be saved there. Check that the folder exists and can be "
                + "written to, then try again.", model.failureProperty().get());
        assertFalse(model.busyProperty().get());
    }

    /** Before unlock there is no store: the files are read without the key, and the screen says why. */
    @Test
    void beforeUnlockFilesAreReadWithoutTheKeyAndTheScreenSaysSoForEachFileAndOverall() {
        ReviewViewModel model = model();
        assertEquals("Files are read without the service key, so their authenticity is not checked. Stepwise is "
                + "locked, so the service key in your store cannot be used: unlock to check the files with it.",
                model.authenticityProperty().get());
        model.add(List.of(ReviewFixtures.practitionerA(folder), TestFiles.sealedWithAnotherKey(folder)));
        assertEquals(List.of("Not checked: no service key", "Not checked: no service key"),
                model.files().stream().map(FileLine::authenticity).toList());
        assertEquals(List.of(false, false), model.files().stream().map(FileLine::authenticated).toList());
        assertEquals("Authenticity NOT checked (no service key): a digest shows a file unchanged since it was sealed, "
                + "not who sealed it. Stepwise is locked, so the service key in your store cannot be used: unlock to "
                + "check the files with it.", model.authenticityProperty().get());
    }

    /**
     * Unlocking gives the review the store's key: the files open are read again with it, each file sealed
     * with it is shown as checked, and one sealed with another key is refused.
     */
    @Test
    void afterUnlockTheFilesAreReadAgainWithTheStoresKeyAndAFileOfAnotherKeyIsRefused() {
        ReviewViewModel model = model();
        Path other = TestFiles.sealedWithAnotherKey(folder);
        model.add(List.of(ReviewFixtures.practitionerA(folder), ReviewFixtures.practitionerB(folder), other));
        assertEquals(List.of(true, true, true), model.files().stream().map(FileLine::read).toList());

        model.useStoreKey(() -> Optional.of(TestFiles.key()));

        assertEquals(List.of(true, true, false), model.files().stream().map(FileLine::read).toList());
        assertEquals(List.of("Written with this service's key: checked", "Written with this service's key: checked"),
                model.files().subList(0, 2).stream().map(FileLine::authenticity).toList());
        assertEquals(List.of(true, true), model.files().subList(0, 2).stream().map(FileLine::authenticated).toList());
        assertTrue(model.files().get(2).note().startsWith("Refused: not written with this service's key"),
                model.files().get(2).note());
        assertEquals("Authenticity checked with your store's service key (key " + TestFiles.key().fingerprint()
                + "): every file was written with this service's key.", model.authenticityProperty().get());
        assertEquals("2 read, 1 refused · 7 referrals · 3 flagged", model.statusProperty().get());
    }

    @Test
    void aStoreWithoutAServiceKeySaysHowToGetOne() {
        ReviewViewModel model = model();
        model.useStoreKey(Optional::empty);
        assertEquals("Files are read without the service key, so their authenticity is not checked. Your store holds "
                + "no service key: import the service's key on the Export screen to check the files with it.",
                model.authenticityProperty().get());
        model.add(List.of(ReviewFixtures.practitionerA(folder)));
        assertEquals("Not checked: no service key", model.files().getFirst().authenticity());
        assertTrue(model.authenticityProperty().get().endsWith("Your store holds no service key: import the service's "
                + "key on the Export screen to check the files with it."), model.authenticityProperty().get());
    }

    /** A key imported while the files stay open (Export screen) checks them when the screen is shown again. */
    @Test
    void aKeyImportedMeanwhileChecksTheOpenFilesWhenTheScreenIsShownAgain() {
        ReviewViewModel model = model();
        Optional<org.stepwise.exchange.ServiceKey>[] inStore = new Optional[] {Optional.empty()};
        model.useStoreKey(() -> inStore[0]);
        model.add(List.of(ReviewFixtures.practitionerA(folder)));
        assertFalse(model.files().getFirst().authenticated());

        inStore[0] = Optional.of(TestFiles.key());
        model.checkKey();

        assertTrue(model.files().getFirst().authenticated());
        assertEquals("Written with this service's key: checked", model.files().getFirst().authenticity());
    }

    /** The store's key is read by the runner's work, never by the calling (FX) thread. */
    @Test
    void theStoresKeyIsReadOnTheRunnerNeverOnTheCallingThread() {
        InPlace.Held held = new InPlace.Held();
        ReviewViewModel model = new ReviewViewModel(MeasureCatalogue.standard(), held.runner(), chooser, CLOCK, () -> { });
        int[] reads = {0};
        model.add(List.of(ReviewFixtures.practitionerA(folder)));
        held.runNext();
        model.useStoreKey(() -> {
            reads[0]++;
            return Optional.of(TestFiles.key());
        });
        model.checkKey();
        assertEquals(0, reads[0], "nothing read on the calling thread");
        while (held.waiting() > 0) {
            held.runNext();
        }
        assertTrue(reads[0] >= 1);
        assertTrue(model.files().getFirst().authenticated());
    }

    @Test
    void theCohortIsNamedAndEachPeriodWhenTheFilesDiffer() {
        ReviewViewModel model = withFourFiles();
        assertEquals("Rates count courses that ended between 01/04/2026 and 31/03/2027 (rules: clinical reference "
                + "edition 2 (2026-12)).", model.cohortProperty().get());
        model.add(List.of(TestFiles.waitingReferral(folder.resolve("calendar"), "2026-01-01", "2026-12-31")));
        assertEquals("Rates count courses that ended in their own file's period: between 01/04/2026 and 31/03/2027 "
                + "(3 files); between 01/01/2026 and 31/12/2026 (1 file) (rules: clinical reference edition 2 "
                + "(2026-12)).", model.cohortProperty().get());
        assertTrue(model.sources().contains("Planning ambitions: NHS England planning ambitions"), model.sources());
        model.clear();
        assertEquals("", model.cohortProperty().get());
    }

    /**
     * As on the Outcomes screen: overall, recovery 2 of 4 (50.0%) meets its standard, reliable improvement
     * 2 of 5 (40.0%) is below its ambition, paired scores 4 of 5 (80.0%) below its standard; reliable
     * deterioration has neither and is not judged.
     */
    @Test
    void eachRateIsMarkedBelowOrMeetsAgainstItsStandardOrAmbition() {
        ReviewViewModel model = withFourFiles();
        List<SummaryTables.Cell> overall = model.tables().getFirst().rows().getFirst().cells();
        Map<String, SummaryTables.Cell> byLabel = new LinkedHashMap<>();
        for (int i = 0; i < SummaryTables.COLUMNS.size(); i++) {
            byLabel.put(SummaryTables.COLUMNS.get(i).label(), overall.get(i));
        }
        assertEquals(SummaryTables.Mark.MEETS, byLabel.get("Recovery").mark());
        assertEquals(new SummaryTables.Cell("2", "5", "40.0%", SummaryTables.Mark.BELOW),
                byLabel.get("Reliable improvement"));
        assertEquals(new SummaryTables.Cell("4", "5", "80.0%", SummaryTables.Mark.BELOW), byLabel.get("Paired scores"));
        assertEquals(null, byLabel.get("Reliable deterioration").mark());
    }

    @Test
    void writingALargePackSaysHowFarItHasGot() throws IOException {
        ReviewViewModel model = model();
        model.add(List.of(PackFixtures.manyFlagged(folder, 150)));
        List<String> shown = new ArrayList<>();
        model.packMessageProperty().addListener((observable, before, now) -> shown.add(now));
        chooser.toSave = Optional.of(folder.resolve("pack.pdf"));
        model.writePack();
        assertTrue(shown.contains("Writing the supervision pack: 75 of 150 flagged referrals (50%)…"), shown.toString());
        assertEquals("Supervision pack saved: pack.pdf", model.packMessageProperty().get());
        assertTrue(shown.size() <= 103, "told about once a percent: " + shown.size());
    }

    @Test
    void backLeavesTheReview() {
        ReviewViewModel model = model();
        model.back();
        assertEquals(1, backs);
    }

    /** The Corridor file button writes the service's corridor file from the verified files, as the command does. */
    @Test
    void theCorridorFileButtonWritesTheServicesCorridorFileFromTheVerifiedFiles() {
        ReviewViewModel model = model();
        model.add(org.stepwise.exchange.TestFiles.corridorService(folder.resolve("files"), "RX1"));
        Path target = folder.resolve("corridor.json");
        chooser.toSave = Optional.of(target);

        model.writeCorridorFile();

        assertTrue(model.packMessageProperty().get().startsWith("Corridor file saved: corridor.json ("),
                model.packMessageProperty().get() + " / " + model.failureProperty().get());
        org.stepwise.domain.trajectory.ServiceCorridorFile written = org.junit.jupiter.api.Assertions.assertInstanceOf(
                org.stepwise.exchange.CorridorFileReader.Result.Accepted.class,
                new org.stepwise.exchange.CorridorFileReader(MeasureCatalogue.standard()).read(target)).file();
        assertEquals("RX1", written.serviceCode());
        assertEquals(40, written.sourceReferrals());
    }

    @Test
    void theCorridorFileButtonSaysWhyNoneIsMadeFromTooFewReferrals() {
        ReviewViewModel model = withFourFiles();
        chooser.toSave = Optional.of(folder.resolve("corridor.json"));

        model.writeCorridorFile();

        assertTrue(model.packMessageProperty().get().startsWith("No corridor file was written: "),
                model.packMessageProperty().get());
        assertFalse(java.nio.file.Files.exists(folder.resolve("corridor.json")));
    }
}

