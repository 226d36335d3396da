package org.stepwise.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.exchange.DemoStores;
import org.stepwise.exchange.ExportPeriod;
import org.stepwise.exchange.OutcomeExport;
import org.stepwise.exchange.Review;
import org.stepwise.exchange.ReviewService;
import org.stepwise.exchange.ReviewedReferral;
import org.stepwise.exchange.ServiceKey;
import org.stepwise.ui.testing.InMemoryCaseloadStore;

/**
 * The pack of a demo service's export (200 invented patients, exported as a practitioner exports them): page 1
 * is the index of flagged referrals, gravest first, each with its facts and the page it is on; a publishable
 * pack lists no referral and shows every count rounded or suppressed.
 */
class DemoServicePackTest {

    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();
    private static final ZonedDateTime GENERATED = ZonedDateTime.now(ZoneId.of("Europe/London"));

    @TempDir
    static Path folder;

    private static Review review;
    private static List<String> exact;
    private static List<String> publishable;

    @BeforeAll
    static void packTheDemoServicesExport() throws IOException {
        InMemoryCaseloadStore store = new InMemoryCaseloadStore(new PractitionerProfile("Demo Practitioner", Role.PWP,
                "RX1", true));
        DemoStores.write(store, DemoStores.caseload(7, 200, LocalDate.now()));
        ServiceKey key = ServiceKey.generate();
        store.saveServiceKey(key.bytes(), "generated");
        Path file = new OutcomeExport(store, CATALOGUE, Clock.systemDefaultZone()).writeJson(folder,
                ExportPeriod.financialYearContaining(LocalDate.now()), (done, total) -> { }).written().file();
        review = new ReviewService(CATALOGUE, key).review(List.of(file));
        Path pack = folder.resolve("pack.pdf");
        new SupervisionPack(CATALOGUE).write(review, false, GENERATED, pack);
        exact = pages(pack);
        Path published = folder.resolve("publishable.pdf");
        new SupervisionPack(CATALOGUE).write(review, true, GENERATED, published);
        publishable = pages(published);
    }

    @Test
    void pageOneIsTheIndexGravestFirstAndEachEntryNamesThePageItsReferralIsOn() {
        List<ReviewedReferral> flagged = review.referrals().stream().filter(ReviewedReferral::flagged)
                .sorted(ReviewedReferral.GRAVEST_FIRST).toList();
        assertTrue(flagged.size() > 10, "the demo service has flagged referrals: " + flagged.size());
        String first = exact.getFirst();
        assertTrue(first.startsWith("Flagged referrals (" + flagged.size() + "), gravest first"), first);
        assertTrue(first.contains("1. " + flagged.getFirst().flags().stream().min(Flag.GRAVEST_FIRST).orElseThrow()
                .label()), first);

        String index = String.join("\n", exact);
        Matcher entry = Pattern.compile("(r_[0-9a-f]{16}) practitioner \\S+ page (\\d+)").matcher(index);
        List<String> inIndex = new ArrayList<>();
        while (entry.find() && inIndex.size() < flagged.size()) {
            String pseudonym = entry.group(1);
            int page = Integer.parseInt(entry.group(2));
            inIndex.add(pseudonym);
            assertTrue(exact.get(page - 1).contains("Referral " + pseudonym), "page " + page + " is " + pseudonym);
        }
        assertEquals(flagged.stream().map(ReviewedReferral::pseudonym).toList(), inIndex, "gravest first, every one");
    }

    @Test
    void aPublishablePackListsNoReferralAndEveryCountIsRoundedOrSuppressed() {
        String text = String.join("\n", publishable);
        assertFalse(text.contains("r_"), "no referral pseudonym");
        assertFalse(text.contains("Flagged referrals ("), "no index");
        // Every "n of m" (a rate's numerator and denominator) and every count column: <5 or a multiple of 5.
        Matcher fraction = Pattern.compile("(?<!page )(<?\\d+) of (<?\\d+)").matcher(text);
        int fractions = 0;
        while (fraction.find()) {
            if (text.substring(Math.max(0, fraction.start() - 5), fraction.start()).contains("page")) {
                continue;
            }
            fractions++;
            assertTrue(roundedOrSuppressed(fraction.group(1)) && roundedOrSuppressed(fraction.group(2)),
                    fraction.group());
        }
        assertTrue(fractions > 20, "the tables' rates were read: " + fractions);
        Matcher referrals = Pattern.compile("Referrals (<?\\d+) counted once each").matcher(text);
        assertTrue(referrals.find(), text);
        assertTrue(roundedOrSuppressed(referrals.group(1)), referrals.group());
        Matcher counts = Pattern.compile("(<?\\d+) referrals, (<?\\d+) contacts, (<?\\d+) scores|\\.json \\S+ \\S+ "
                + "\\d\\d/\\d\\d/\\d{4} to \\d\\d/\\d\\d/\\d{4} (<?\\d+) (<?\\d+) (<?\\d+)").matcher(text);
        while (counts.find()) {
            for (int g = 1; g <= counts.groupCount(); g++) {
                if (counts.group(g) != null) {
                    assertTrue(roundedOrSuppressed(counts.group(g)), counts.group());
                }
            }
        }
    }

    private static boolean roundedOrSuppressed(String count) {
        return count.equals("<5") || Integer.parseInt(count) % 5 == 0;
    }

    private static List<String> pages(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document).replaceAll("\\s+", " ").strip());
            }
            return pages;
        }
    }
}
