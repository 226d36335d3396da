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
import org.stepwise.exchange.PackFixtures;
import org.stepwise.exchange.Review;
import org.stepwise.exchange.ReviewService;
import org.stepwise.exchange.SummaryTables;

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
                """);
        for (Flag flag : Flag.values()) {
            sources.append(' ').append(flag.label()).append(' ').append(flag.rule());
        }
        for (SummaryTables.Column column : SummaryTables.COLUMNS) {
            sources.append(' ').append(column.label()).append(' ').append(column.description());
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
