package org.stepwise.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.referral.EndReason;
import org.stepwise.domain.measure.ProblemDescriptor;
import org.stepwise.exchange.Authenticity;
import org.stepwise.exchange.PackFixtures;
import org.stepwise.exchange.Review;
import org.stepwise.exchange.ReviewService;
import org.stepwise.exchange.SummaryTables;
import org.stepwise.exchange.TestFiles;

class SupervisionPackTest {

    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();
    private static final ZonedDateTime GENERATED = ZonedDateTime.of(2026, 11, 24, 10, 15, 0, 0, ZoneId.of("Europe/London"));
    /** Where a person looks at the pages. */
    private static final Path SNAPSHOTS = Path.of("target", "snapshots");

    @TempDir
    Path folder;

    private Review review(List<Path> files) {
        return new ReviewService(CATALOGUE).review(files);
    }

    private Path pack(Review review, boolean publishable) throws IOException {
        Path target = folder.resolve(publishable ? "publishable.pdf" : "pack.pdf");
        new SupervisionPack(CATALOGUE).write(review, publishable, GENERATED, target);
        return target;
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void theTitlePageNamesPractitionersPeriodFilesAndThatItIsPseudonymised() throws IOException {
        List<Path> files = PackFixtures.fourFiles(folder);
        String text = text(pack(review(files), false));
        assertTrue(text.contains("Stepwise supervision pack"), text);
        assertTrue(text.contains(SupervisionPack.PSEUDONYMISED), text);
        assertTrue(text.contains("24 Nov 2026 at 10:15"), text);
        assertTrue(text.contains("1 Apr 2026 to 31 Mar 2027"), text);
        assertTrue(text.contains("3 read, 1 refused"), text);
        for (String practitioner : List.of(PackFixtures.practitionerA(), PackFixtures.practitionerB(),
                PackFixtures.practitionerC())) {
            assertTrue(text.contains(practitioner + " (PWP)"), practitioner);
        }
        for (Path file : files) {
            assertTrue(text.contains(file.getFileName().toString()), file.getFileName().toString());
        }
        assertTrue(text.contains("refused: integrity check failed"), text);
    }

    /**
     * Overall (edition 2): 11 referrals, 6 ended, 5 finished; 2 recovered of the 5 finished less R3, not at
     * caseness (R5, finished without paired scores, stays in the denominator); 4 of 5 paired (worked by hand).
     */
    @Test
    void theSummaryShowsEachRateWithItsNumeratorAndDenominator() throws IOException {
        String text = text(pack(review(PackFixtures.fourFiles(folder)), false));
        assertTrue(text.contains("Exact figures, for use within the service"), text);
        String overall = between(text, "All referrals", "By practitioner");
        assertEquals(List.of("11", "6", "5"), numbersBefore(overall));
        assertTrue(overall.contains("50.0%"), overall);
        assertTrue(overall.contains("2 of 4"), overall);
        assertTrue(overall.contains("80.0%"), overall);
        assertTrue(overall.contains("4 of 5"), overall);
        assertTrue(text.contains("F32 Depressive episode"), text);
        assertTrue(text.contains(ReviewService.NO_CONTACT), text);
    }

    @Test
    void aPublishableSummaryHidesSmallCountsAndRoundsTheRest() throws IOException {
        String text = text(pack(review(PackFixtures.fourFiles(folder)), true));
        assertTrue(text.contains("Summary figures (publishable summary)"), text);
        String overall = between(text, "All referrals", "By practitioner");
        // 11 referrals → 10; 6 ended → 5; 5 finished stays 5; recovery over 3 at caseness is suppressed.
        assertEquals(List.of("10", "5", "5"), numbersBefore(overall));
        assertTrue(overall.contains("suppressed"), overall);
        assertTrue(overall.contains("<5 of <5"), overall);
        assertTrue(overall.contains("80.0%"), overall);
        assertTrue(overall.contains("5 of 5") || overall.contains("<5 of 5"), overall);
        assertFalse(overall.contains("66.7%"), overall);
    }

    @Test
    void onlyFlaggedReferralsAppearGravestFirstEachWithItsFlagsAndFigures() throws IOException {
        String text = text(pack(review(PackFixtures.fourFiles(folder)), false));
        List<Long> flagged = List.of(7L, 8L, 3L, 4L);
        int previous = -1;
        for (long id : flagged) {
            int at = text.indexOf("Referral " + PackFixtures.pseudonym(id));
            assertTrue(at > previous, "R" + id + " in order");
            previous = at;
        }
        for (long id : List.of(1L, 2L, 5L, 6L, 9L, 10L, 11L)) {
            assertFalse(text.contains(PackFixtures.pseudonym(id)), "R" + id + " is not flagged");
        }
        String r8 = between(text, "Referral " + PackFixtures.pseudonym(8), "Referral " + PackFixtures.pseudonym(3));
        for (Flag flag : List.of(Flag.RELIABLE_DETERIORATION, Flag.NOT_ON_TRACK, Flag.NO_CONTACT_4_WEEKS)) {
            assertTrue(r8.contains(flag.label() + ":"), flag.label());
        }
        assertFalse(r8.contains(Flag.RISK.label() + ":"), r8);
        assertTrue(r8.contains("first 18, latest 24 (+6)"), r8);
        assertTrue(r8.contains("step 3"), r8);
        assertTrue(r8.contains("caseness 10 or more"), "the chart's caseness line is labelled");
        assertEquals(List.of(1, 2, 3, 4), referralPages(pack(review(PackFixtures.fourFiles(folder.resolve("again"))),
                false)), "one flagged referral to a page");
    }

    @Test
    void noReferralFlaggedSaysSo() throws IOException {
        Path c = folder.resolve("c-only");
        Files.createDirectories(c);
        Review review = review(List.of(PackFixtures.practitionerC(c)));
        Review withoutR8 = new Review(review.files(), review.refused(), review.warnings(), review.overall(),
                review.byPractitioner(), List.of(), review.accepted(),
                review.referrals().stream().filter(r -> !r.flagged()).toList(), review.catalogue());
        String text = text(pack(withoutR8, false));
        assertTrue(text.contains("No referral in these files is flagged."), text);
    }

    /** A renamed file (here with a made-up name and NHS number in its name) is read, but its name never shown. */
    @Test
    void aFileNameNotInTheExportersFormIsNotShown() throws IOException {
        Path renamed = PackFixtures.renamed(PackFixtures.practitionerC(folder), "Ada Lovelace 9434765919.json");
        String text = text(pack(review(List.of(renamed)), false));
        assertTrue(text.contains("1 read, 0 refused"), text);
        assertFalse(text.toLowerCase().contains("lovelace"), text);
        assertFalse(text.contains("9434765919"), text);
        assertTrue(text.contains("(name not shown: not in the exporter's form)"), text);
    }

    /** Nothing that looks like an NHS number, and no capitalised word but the pack's own vocabulary. */
    @ParameterizedTest(name = "publishable {0}")
    @ValueSource(booleans = {false, true})
    void theTextHoldsNothingLikeANameOrAnNhsNumber(boolean publishable) throws IOException {
        String text = text(pack(review(PackFixtures.fourFiles(folder)), publishable));
        assertFalse(Pattern.compile("(?<![0-9a-f_])\\d{3} ?\\d{3} ?\\d{4}(?![0-9a-f])").matcher(text).find(), text);
        Set<String> unknown = new TreeSet<>(capitalisedWords(text));
        unknown.removeAll(vocabulary());
        assertEquals(Set.of(), unknown, "words that are not the pack's own");
    }

    @Test
    void aPackReplacesAnOlderFileAndLeavesNoPartialFileBehind() throws IOException {
        Path target = Files.writeString(folder.resolve("pack.pdf"), "an older pack");
        Review review = review(PackFixtures.fourFiles(folder.resolve("files")));
        new SupervisionPack(CATALOGUE).write(review, false, GENERATED, target);
        assertTrue(text(target).contains("Stepwise supervision pack"));
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of("files", "pack.pdf"), left.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertThrows(IOException.class, () -> new SupervisionPack(CATALOGUE).write(review, false, GENERATED,
                folder.resolve("no-such-folder").resolve("pack.pdf")));
    }

    /** The first pages and a flagged referral's page as pictures, for a person to look at. */
    @Test
    void picturesOfThePages() throws IOException {
        Path pdf = pack(review(PackFixtures.fourFiles(folder)), false);
        Files.createDirectories(SNAPSHOTS);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < 4; page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 110);
                assertTrue(ImageIO.write(image, "png", SNAPSHOTS.resolve("pack-page-" + (page + 1) + ".png").toFile()));
                assertTrue(image.getWidth() > image.getHeight(), "landscape");
            }
        }
    }

    /** Each page's text, in page order. */
    private static List<String> pageTexts(Path pdf) throws IOException {
        List<String> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document).replaceAll("\\s+", " "));
            }
        }
        return pages;
    }

    @Test
    void everyPageSaysWhetherAuthenticityWasCheckedAndTheTitlePageSaysItForEachFile() throws IOException {
        List<Path> files = PackFixtures.fourFiles(folder);
        List<String> unchecked = pageTexts(pack(review(files), false));
        for (int page = 0; page < unchecked.size(); page++) {
            assertTrue(unchecked.get(page).contains("Authenticity NOT checked (no service key): a digest shows a file "
                    + "unchanged since it was sealed, not who sealed it."), "page " + (page + 1));
            assertTrue(unchecked.get(page).contains("page " + (page + 1) + " of " + unchecked.size()),
                    unchecked.get(page));
        }
        assertEquals(3, count(page(unchecked, "Generated"), "Not checked: no service key"), page(unchecked, "Generated"));

        Review withKey = new ReviewService(CATALOGUE, TestFiles.key()).review(files);
        Path target = folder.resolve("checked.pdf");
        new SupervisionPack(CATALOGUE).write(withKey, false, GENERATED, target);
        List<String> checked = pageTexts(target);
        for (int page = 0; page < checked.size(); page++) {
            assertTrue(checked.get(page).contains("Authenticity checked: every file was written with this service's key."),
                    "page " + (page + 1));
            assertFalse(checked.get(page).contains("NOT checked"), "page " + (page + 1));
        }
        assertEquals(3, count(page(checked, "Generated"), "Written with this service's key: checked"),
                page(checked, "Generated"));
    }

    @Test
    void theTitleAndSummaryPagesNameTheCohortAndEachPeriodWhenFilesDiffer() throws IOException {
        List<String> one = pageTexts(pack(review(PackFixtures.fourFiles(folder)), false));
        assertTrue(page(one, "Generated").contains("Courses that ended between 01/04/2026 and 31/03/2027 (rules: clinical "
                + "reference edition 2 (2026-12))"), page(one, "Generated"));
        assertTrue(page(one, "All referrals").contains("Rates count courses that ended between 01/04/2026 and "
                + "31/03/2027."), page(one, "All referrals"));

        List<Path> twoPeriods = new ArrayList<>(PackFixtures.fourFiles(folder.resolve("two")));
        twoPeriods.add(TestFiles.waitingReferral(folder.resolve("calendar"), "2026-01-01", "2026-12-31"));
        String title = page(pageTexts(pack(review(twoPeriods), false)), "Generated");
        assertTrue(title.contains("Courses that ended in their own file's period: between 01/04/2026 and 31/03/2027 "
                + "(3 files); between 01/01/2026 and 31/12/2026 (1 file)"), title);
    }

    /**
     * Overall (edition 2): recovery 2 of 4 = 50.0% reaches the 50% standard; paired scores 4 of 5 = 80.0%
     * is below its 90% standard; reliable improvement 2 of 5 = 40.0% is below the 67% ambition.
     */
    @Test
    void eachRateShowsItsStandardOrAmbitionAndIsMarkedBelowOrMeets() throws IOException {
        String summary = page(pageTexts(pack(review(PackFixtures.fourFiles(folder)), false)), "All referrals");
        assertTrue(summary.matches("(?s).*standard\\s+>= 50%.*"), summary);
        assertTrue(summary.matches("(?s).*ambition\\s+>= 67%.*"), summary);
        assertTrue(summary.matches("(?s).*ambition\\s+>= 48%.*"), summary);
        assertTrue(summary.contains(SummaryTables.SOURCES), summary);
        String overall = between(summary, "All referrals", "By practitioner");
        assertTrue(overall.matches("(?s).*50\\.0%\\s+2 of 4\\s+meets.*"), overall);
        assertTrue(overall.matches("(?s).*40\\.0%\\s+2 of 5\\s+below.*"), overall);
        assertTrue(overall.matches("(?s).*80\\.0%\\s+4 of 5\\s+below.*"), overall);
    }

    /** A suppressed rate is not marked (its mark would tell what the suppression hides); the shown ones are. */
    @Test
    void aPublishableSummaryMarksOnlyTheRatesItShows() throws IOException {
        String summary = page(pageTexts(pack(review(PackFixtures.fourFiles(folder)), true)), "All referrals");
        String overall = between(summary, "All referrals", "By practitioner");
        assertFalse(overall.matches("(?s).*suppressed\\s+<5 of <5\\s+(below|meets).*"), overall);
        assertTrue(overall.matches("(?s).*80\\.0%\\s+<5 of 5\\s+below.*"), overall);
        assertFalse(overall.contains("2 of 4"), overall);
    }

    @Test
    void aFailureWhileWritingEvenAnErrorLeavesNoPartFileAndTheOlderPackAsItWas() throws IOException {
        Path target = Files.writeString(folder.resolve("pack.pdf"), "an older pack");
        Review review = review(PackFixtures.fourFiles(folder.resolve("files")));
        for (Throwable failure : List.of(new OutOfMemoryError("Java heap space"), new IllegalStateException("failed"))) {
            Throwable thrown = assertThrows(Throwable.class, () -> new SupervisionPack(CATALOGUE).write(review, false,
                    GENERATED, target, (written, of) -> {
                        if (written == 2) {
                            throw sneaky(failure);
                        }
                    }));
            assertEquals(failure, thrown);
            try (Stream<Path> left = Files.list(folder)) {
                assertEquals(List.of("files", "pack.pdf"), left.map(p -> p.getFileName().toString()).sorted().toList(),
                        "no part file after " + failure);
            }
            assertEquals("an older pack", Files.readString(target));
        }
    }

    private static RuntimeException sneaky(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        return (RuntimeException) failure;
    }

    /**
     * The file is a PDF as written page by page: each object the cross-reference table lists starts where
     * it says, and the trailer names as many objects as the table holds.
     */
    @Test
    void theCrossReferenceTablePointsAtEveryObject() throws IOException {
        Path pdf = pack(review(PackFixtures.fourFiles(folder)), false);
        byte[] bytes = Files.readAllBytes(pdf);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("%PDF-1.7"), "header");
        int startxref = text.lastIndexOf("startxref");
        long xref = Long.parseLong(text.substring(startxref + 9).strip().split("\\s+")[0]);
        assertTrue(text.startsWith("xref", (int) xref), "startxref points at the table");
        String[] lines = text.substring((int) xref).split("\r?\n");
        int objects = Integer.parseInt(lines[1].split(" ")[1]);
        for (int object = 1; object < objects; object++) {
            long offset = Long.parseLong(lines[2 + object].substring(0, 10));
            assertTrue(text.startsWith(object + " 0 obj", (int) offset), "object " + object + " at " + offset);
        }
        assertTrue(text.contains("/Size " + objects + " "), "trailer size");
        assertEquals(List.of(1, 2, 3, 4), referralPages(pdf), "the pages read back");
    }

    /** The first page whose text holds {@code marker}. */
    private static String page(List<String> pages, String marker) {
        return pages.stream().filter(text -> text.contains(marker)).findFirst()
                .orElseThrow(() -> new AssertionError("no page holds " + marker));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    /** For each page that shows a flagged referral, which one ("Flagged referral n of 4"), in page order. */
    private static List<Integer> referralPages(Path pdf) throws IOException {
        List<Integer> numbers = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                Matcher matcher = Pattern.compile("Flagged referral (\\d+) of 4").matcher(stripper.getText(document));
                if (matcher.find()) {
                    numbers.add(Integer.parseInt(matcher.group(1)));
                    assertFalse(matcher.find(), "one referral on page " + page);
                }
            }
        }
        return numbers;
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        int end = text.indexOf(to, start + from.length());
        assertTrue(start >= 0 && end > start, "'" + from + "' before '" + to + "'");
        return text.substring(start + from.length(), end);
    }

    /** The first three numbers of a row: the count columns. */
    private static List<String> numbersBefore(String row) {
        List<String> numbers = new ArrayList<>();
        Matcher matcher = Pattern.compile("(?<![\\w.%])(<5|\\d+)(?![\\w.%])").matcher(row);
        while (matcher.find() && numbers.size() < 3) {
            numbers.add(matcher.group(1));
        }
        return numbers;
    }

    private static List<String> capitalisedWords(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = Pattern.compile("\\b[A-Z][a-z]+\\b").matcher(text);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    /** Every capitalised word the pack may write: its own labels and those of the rules it quotes. */
    private static Set<String> vocabulary() {
        StringBuilder sources = new StringBuilder("""
                Stepwise Pseudonymised Generated Service Practitioners Practitioner Period Files File Referrals
                Referral Summary Notes Contacts Scores Each Outcomes Exact Counts What Flagged No Status Step
                Problem Contacts First Outcome Referred Jan Feb Mar Apr May Jun Jul Aug Sep Sept Oct Nov Dec Contact
                Overall
                All By PHQ GAD WSAS
                The Rule Last
                """);
        for (Flag flag : Flag.values()) {
            sources.append(' ').append(flag.label()).append(' ').append(flag.rule());
        }
        for (SummaryTables.Column column : SummaryTables.COLUMNS) {
            sources.append(' ').append(column.label()).append(' ').append(column.description());
        }
        sources.append(' ').append(SummaryTables.SOURCES).append(" Rates count Courses Under Authenticity");
        for (Authenticity authenticity : Authenticity.values()) {
            sources.append(' ').append(authenticity.shown());
        }
        for (ProblemDescriptor problem : MeasureCatalogue.standard().descriptors()) {
            sources.append(' ').append(problem.label());
        }
        for (EndReason reason : EndReason.values()) {
            sources.append(' ').append(reason.label());
        }
        for (MeasureCode code : MeasureCode.STANDARD) {
            sources.append(' ').append(CATALOGUE.definition(code).name());
        }
        return new TreeSet<>(capitalisedWords(sources.toString()));
    }
}
