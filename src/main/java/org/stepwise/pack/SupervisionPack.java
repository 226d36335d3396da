package org.stepwise.pack;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.stepwise.chart.TrajectoryChartModel;
import org.stepwise.domain.common.Version;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.outcome.OutcomeRate;
import org.stepwise.domain.outcome.ReferralRecord;
import org.stepwise.domain.trajectory.CorridorSource;
import org.stepwise.exchange.Authenticity;
import org.stepwise.exchange.FileHeader;
import org.stepwise.exchange.ReferralFigures;
import org.stepwise.exchange.Review;
import org.stepwise.exchange.ReviewedReferral;
import org.stepwise.exchange.SummaryTables;

/**
 * The supervision pack: one PDF made from a review of outcome files, for case-management supervision.
 * A title page (practitioner pseudonyms, periods, the cohort every rate counts, the files read or
 * refused and whether each was shown to be written with the service's key, when it was made, and that it
 * is pseudonymised), the summary tables (exact, or as a publishable summary) with the standards and
 * planning ambitions and the rates below them marked, then every flagged referral, gravest first, one
 * to a page with its flags and their rules, its figures and its trajectory chart drawn as vector lines.
 * Every page's foot says that the pack is pseudonymised and whether authenticity was checked. Only
 * what the outcome files hold reaches the pack, and a file name is shown only in the exporter's own
 * form (a renamed file might carry a name).
 *
 * <p>The pages are written to the file one at a time ({@link StreamingPdf}), so the pack of any number
 * of flagged referrals needs the memory of one page beside the review. Thread-safe.
 *
 * <p>Long because: the pack's pages in reading order (title, summary, flagged referrals) with their
 * layout helpers; the chart drawing (TrajectoryDrawing) and the page-at-a-time writing (StreamingPdf,
 * PackPages) are already apart.
 */
public final class SupervisionPack {

    /** Says on every page what the pack holds. */
    public static final String PSEUDONYMISED = "Pseudonymised — contains no names or NHS numbers.";

    private static final System.Logger LOG = System.getLogger(SupervisionPack.class.getName());
    private static final Pattern EXPORTER_FILE_NAME =
            Pattern.compile("stepwise-[A-Z0-9]{2,12}-p_[0-9a-f]{16}-[0-9]{8}\\.json");
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("d MMM yyyy 'at' HH:mm", Locale.UK);
    private static final float FIGURES_WIDTH = 228;
    /** A rate below its standard or ambition, as the Outcomes screen marks it. */
    private static final int BELOW = 0xB00020;
    private static final int MEETS = 0x2E7D32;

    /** How the pack's work goes: told after each flagged referral's page is written (for a progress line). */
    @FunctionalInterface
    public interface Progress {

        /** Tells nobody. */
        Progress NONE = (written, of) -> { };

        /** {@code written} of the {@code of} flagged referrals' pages are in the file. */
        void referralPages(int written, int of);
    }

    private final MeasureCatalogue catalogue;

    public SupervisionPack(MeasureCatalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    }

    /** A file name for the pack made on this date: {@code stepwise-supervision-pack-20261123.pdf}. */
    public static String suggestedFileName(LocalDate date) {
        return "stepwise-supervision-pack-" + DateTimeFormatter.BASIC_ISO_DATE.format(date) + ".pdf";
    }

    /** A file's name as the pack shows it: in the exporter's form, or not at all. */
    public static String shownFileName(Path file) {
        String name = file.getFileName().toString();
        return EXPORTER_FILE_NAME.matcher(name).matches() ? name : "(name not shown: not in the exporter's form)";
    }

    /**
     * Writes the pack for {@code review} to {@code target}, whole or not at all (a temporary file
     * beside it, then moved into place). {@code publishable} applies small-number suppression to the
     * summary tables.
     */
    public void write(Review review, boolean publishable, ZonedDateTime generated, Path target) throws IOException {
        write(review, publishable, generated, target, Progress.NONE);
    }

    /**
     * Writes the pack as {@link #write(Review, boolean, ZonedDateTime, Path)} does, telling {@code progress}
     * after each flagged referral's page. The pages go one at a time into a part file beside the target
     * (owner-only, like every file Stepwise writes), which is forced to disk and moved into place; on any
     * failure, an error such as running out of memory included, the part file is removed and the target
     * is left as it was.
     */
    public void write(Review review, boolean publishable, ZonedDateTime generated, Path target, Progress progress)
            throws IOException {
        Objects.requireNonNull(progress, "progress");
        Path folder = target.toAbsolutePath().getParent();
        Path partial = Files.createTempFile(folder, ".stepwise-pack-", ".part");
        int flagged;
        try {
            try (PackPages pages = new PackPages(partial, footer(review))) {
                titlePage(pages, review, publishable, generated);
                summary(pages, review, publishable);
                flagged = flagged(pages, review, progress);
                pages.finish("Stepwise supervision pack", Version.product());
            }
            move(partial, target);
        } catch (Throwable failure) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException | RuntimeException notRemoved) {
                failure.addSuppressed(notRemoved);
            }
            throw failure;
        }
        LOG.log(System.Logger.Level.INFO, "Supervision pack written: {0} files read, {1} referrals flagged",
                review.accepted().size(), flagged);
    }

    /**
     * Every page's foot: the pack, that it is pseudonymised, and whether authenticity was checked (in
     * full when it fits on the line, else how many files were not checked, with the title page named).
     */
    private static List<String> footer(Review review) throws IOException {
        String first = "Stepwise supervision pack · " + PSEUDONYMISED;
        String authenticity = Authenticity.overall(review.accepted());
        PDType1Font font = new PDType1Font(org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA);
        float room = PackPages.SIZE.getWidth() - 2 * PackPages.MARGIN - 80;
        if (font.getStringWidth(authenticity) / 1000 * 7.5f > room) {
            long unchecked = review.notAuthenticated().size();
            authenticity = "Authenticity NOT checked for " + unchecked + " of the " + review.accepted().size()
                    + " files: see the title page.";
        }
        return List.of(first, authenticity);
    }

    private static void move(Path partial, Path target) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void titlePage(PackPages pages, Review review, boolean publishable, ZonedDateTime generated)
            throws IOException {
        pages.newPage();
        float x = pages.left();
        float width = pages.width();
        pages.color(0x111111);
        pages.down(10);
        pages.paragraph("Stepwise supervision pack", pages.bold, 22, x, width);
        pages.down(4);
        pages.color(0x8B0000);
        pages.paragraph(PSEUDONYMISED, pages.bold, 12, x, width);
        pages.down(10);
        Set<String> services = new LinkedHashSet<>();
        Set<String> practitioners = new LinkedHashSet<>();
        Set<String> periods = new LinkedHashSet<>();
        for (Review.AcceptedFile file : review.accepted()) {
            FileHeader header = file.header();
            services.add(header.serviceCode());
            practitioners.add(header.practitionerPseudonym() + " (" + header.practitionerRole() + ")");
            periods.add(ReferralFigures.DATE.format(header.periodStart()) + " to "
                    + ReferralFigures.DATE.format(header.periodEnd()));
        }
        keyValue(pages, "Generated", GENERATED.format(generated));
        keyValue(pages, "Service", services.isEmpty() ? "none (no file was read)" : String.join(", ", services));
        keyValue(pages, "Practitioners", practitioners.isEmpty() ? "none" : String.join(", ", practitioners));
        keyValue(pages, "Period", periods.isEmpty() ? "none" : String.join("; ", periods));
        keyValue(pages, "Rates count", capitalised(SummaryTables.cohort(review)) + " (rules: "
                + OutcomeRate.EDITION + ")");
        keyValue(pages, "Files", review.accepted().size() + " read, " + review.refused().size() + " refused");
        keyValue(pages, "Authenticity", review.accepted().isEmpty() ? "no file was read"
                : Authenticity.overall(review.accepted()));
        keyValue(pages, "Referrals", review.referrals().size() + " counted once each; "
                + flaggedInOrder(review).size() + " flagged");
        keyValue(pages, "Summary figures", publishable
                ? "publishable summary: counts under 5 shown as <5, other counts rounded to the nearest 5, "
                        + "rates only where the denominator is 5 or more"
                : "exact figures, for use within the service; not for publication");
        pages.down(12);

        pages.color(0x111111);
        pages.paragraph("Files", pages.bold, 11, x, width);
        pages.down(2);
        String[] headings = {"File", "Practitioner", "Period", "Referrals", "Contacts", "Scores", "Authenticity",
            "Notes"};
        float[] widths = {185, 110, 100, 42, 42, 36, 150, 105};
        row(pages, headings, widths, pages.bold);
        for (Review.AcceptedFile file : review.accepted()) {
            FileHeader header = file.header();
            row(pages, new String[] {shownFileName(file.file()), header.practitionerPseudonym() + " ("
                    + header.practitionerRole() + ")", ReferralFigures.DATE.format(header.periodStart()) + " to "
                    + ReferralFigures.DATE.format(header.periodEnd()), Integer.toString(file.referrals()),
                    Integer.toString(file.contacts()), Integer.toString(file.scores()),
                    file.authenticity().shown(),
                    file.warnings().isEmpty() ? "verified" : "verified; " + file.warnings().size()
                            + " stated outcome(s) differ, recomputed used"}, widths, pages.regular);
        }
        for (Review.RefusedFile file : review.refused()) {
            row(pages, new String[] {shownFileName(file.file()), "refused: " + file.reason()},
                    new float[] {185, 585}, pages.regular);
        }
        pages.down(10);
        pages.color(0x333333);
        pages.paragraph("Each file was verified whole (format, digest and counts, every score) before any of it was "
                + "used; a refused file contributes nothing. A digest shows a file unchanged since it was sealed; a file "
                + "checked with the service's key was written by a holder of that key. A referral in several files "
                + "counts once, as the latest file has it, in that file's period. Outcomes are recomputed by the "
                + "national rules; flags are raised as of each file's generation date.",
                pages.regular, 8.5f, x, width);
        pages.down(12);
        pages.room(16 + SummaryTables.COLUMNS.size() * 10);
        pages.color(0x111111);
        pages.paragraph("What the summary columns count", pages.bold, 11, x, width);
        for (SummaryTables.Column column : SummaryTables.COLUMNS) {
            pages.color(0x333333);
            pages.paragraph(column.label() + ": " + column.description() + ".", pages.regular, 8, x, width);
        }
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static void keyValue(PackPages pages, String key, String value) throws IOException {
        float x = pages.left();
        List<String> lines = pages.wrap(value, pages.regular, 10, pages.width() - 110);
        pages.room(lines.size() * 13);
        float top = pages.y();
        pages.color(0x555555);
        pages.text(key, pages.bold, 10, x, top - 10);
        pages.color(0x111111);
        for (int i = 0; i < lines.size(); i++) {
            pages.text(lines.get(i), pages.regular, 10, x + 110, top - 10 - i * 13);
        }
        pages.down(lines.size() * 13 + 2);
    }

    /** A table row of wrapped cells; the row is as tall as its tallest cell. */
    private static void row(PackPages pages, String[] cells, float[] widths, PDType1Font font) throws IOException {
        float size = 7.5f;
        float leading = 9.5f;
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 1;
        for (int i = 0; i < cells.length; i++) {
            List<String> cell = pages.wrap(cells[i], font, size, widths[i] - 6);
            wrapped.add(cell);
            lines = Math.max(lines, cell.size());
        }
        float height = lines * leading + 5;
        pages.room(height);
        float top = pages.y();
        pages.color(0xCCCCCC);
        pages.content().setLineWidth(0.4f);
        pages.content().setLineDashPattern(new float[0], 0);
        pages.content().moveTo(pages.left(), top - height);
        pages.content().lineTo(pages.left() + sum(widths), top - height);
        pages.content().stroke();
        pages.color(0x111111);
        float x = pages.left();
        for (int i = 0; i < cells.length; i++) {
            for (int line = 0; line < wrapped.get(i).size(); line++) {
                pages.text(wrapped.get(i).get(line), font, size, x + 2, top - 3 - size - line * leading);
            }
            x += widths[i];
        }
        pages.down(height);
    }

    private static float sum(float[] widths) {
        float total = 0;
        for (float w : widths) {
            total += w;
        }
        return total;
    }

    private void summary(PackPages pages, Review review, boolean publishable) throws IOException {
        pages.newPage();
        float x = pages.left();
        pages.color(0x111111);
        pages.paragraph("Summary figures" + (publishable ? " (publishable summary)" : ""), pages.bold, 15, x,
                pages.width());
        pages.color(0x333333);
        pages.paragraph(publishable
                ? "Counts under 5 are shown as <5 and other counts rounded to the nearest 5; a rate is shown only "
                        + "where its denominator is 5 or more (computed from the exact counts)."
                : "Exact figures, for use within the service. Each rate is shown with its numerator and denominator.",
                pages.regular, 8.5f, x, pages.width());
        pages.paragraph("Rates count " + SummaryTables.cohort(review) + ". Under each heading, the national standard "
                + "or NHS England's planning ambition the rate is held to; a rate below it is marked \"below\" in red, "
                + "one that reaches it \"meets\". " + SummaryTables.SOURCES, pages.regular, 8.5f, x, pages.width());
        pages.down(6);
        for (SummaryTables.Table table : SummaryTables.of(review, publishable)) {
            summaryTable(pages, table);
            pages.down(10);
        }
    }

    private static void summaryTable(PackPages pages, SummaryTables.Table table) throws IOException {
        float groupWidth = 160;
        int columns = SummaryTables.COLUMNS.size();
        float cellWidth = (pages.width() - groupWidth) / columns;
        float headerHeight = 56;
        float rowHeight = 30;
        pages.room(16 + headerHeight + rowHeight * Math.min(2, Math.max(1, table.rows().size())));
        pages.color(0x111111);
        pages.paragraph(table.title(), pages.bold, 11, pages.left(), pages.width());
        header(pages, table.groupHeading(), groupWidth, cellWidth, headerHeight);
        int shaded = 0;
        for (SummaryTables.Row row : table.rows()) {
            if (pages.y() - rowHeight < PackPages.MARGIN + 14) {
                pages.newPage();
                header(pages, table.groupHeading() + " (continued)", groupWidth, cellWidth, headerHeight);
            }
            float top = pages.y();
            if (shaded++ % 2 == 1) {
                pages.color(0xF4F6F8);
                pages.content().addRect(pages.left(), top - rowHeight, pages.width(), rowHeight);
                pages.content().fill();
            }
            pages.color(0x111111);
            List<String> group = pages.wrap(row.group(), pages.regular, 7.5f, groupWidth - 6);
            for (int i = 0; i < Math.min(2, group.size()); i++) {
                pages.text(group.get(i), pages.regular, 7.5f, pages.left() + 2, top - 9 - i * 9);
            }
            for (int c = 0; c < columns; c++) {
                SummaryTables.Cell cell = row.cells().get(c);
                float right = pages.left() + groupWidth + (c + 1) * cellWidth - 4;
                if (cell.rate() == null) {
                    pages.textRight(cell.count(), pages.bold, 8.5f, right, top - 10);
                } else {
                    pages.color(cell.below() ? BELOW : 0x111111);
                    pages.textRight(cell.rate(), pages.bold, 8.5f, right, top - 9);
                    pages.color(0x444444);
                    pages.textRight(cell.count() + " of " + cell.denominator(), pages.regular, 7, right, top - 18);
                    if (cell.mark() != null) {
                        pages.color(cell.below() ? BELOW : MEETS);
                        pages.textRight(cell.below() ? "below" : "meets", pages.bold, 6.5f, right, top - 26);
                    }
                    pages.color(0x111111);
                }
            }
            pages.down(rowHeight);
        }
    }

    private static void header(PackPages pages, String groupHeading, float groupWidth, float cellWidth, float height)
            throws IOException {
        float top = pages.y();
        pages.color(0xE6EAEE);
        pages.content().addRect(pages.left(), top - height, pages.width(), height);
        pages.content().fill();
        pages.color(0x111111);
        pages.text(groupHeading, pages.bold, 7.5f, pages.left() + 2, top - 10);
        for (int c = 0; c < SummaryTables.COLUMNS.size(); c++) {
            SummaryTables.Column column = SummaryTables.COLUMNS.get(c);
            List<String> lines = pages.wrap(column.label(), pages.bold, 7, cellWidth - 6);
            float right = pages.left() + groupWidth + (c + 1) * cellWidth - 4;
            for (int i = 0; i < Math.min(4, lines.size()); i++) {
                pages.textRight(lines.get(i), pages.bold, 7, right, top - 9 - i * 8.5f);
            }
            if (column.target().isPresent()) {
                // "standard" over ">= 50%": one line would run into the next column's.
                String target = column.target().get();
                int space = target.indexOf(' ');
                pages.color(0x444444);
                pages.textRight(target.substring(0, space), pages.regular, 6.5f, right, top - height + 12);
                pages.textRight(target.substring(space + 1), pages.regular, 6.5f, right, top - height + 4);
                pages.color(0x111111);
            }
        }
        pages.down(height);
    }

    /** Each flagged referral's page, gravest first; returns how many. */
    private int flagged(PackPages pages, Review review, Progress progress) throws IOException {
        List<ReviewedReferral> flagged = flaggedInOrder(review);
        if (flagged.isEmpty()) {
            pages.newPage();
            pages.color(0x111111);
            pages.paragraph("Flagged referrals", pages.bold, 15, pages.left(), pages.width());
            pages.paragraph("No referral in these files is flagged.", pages.regular, 10, pages.left(), pages.width());
            return 0;
        }
        // The expected corridors of one practitioner's referrals, made once for all their flagged pages, each
        // from the practitioner's referrals unpacked one at a time (a service's review holds tens of thousands).
        Map<String, CorridorSource> corridors = new HashMap<>();
        for (int i = 0; i < flagged.size(); i++) {
            ReviewedReferral referral = flagged.get(i);
            referralPage(pages, referral, corridors.computeIfAbsent(referral.practitioner(),
                    p -> CorridorSource.of(recordsOf(review, p))), i + 1, flagged.size());
            progress.referralPages(i + 1, flagged.size());
        }
        return flagged.size();
    }

    private void referralPage(PackPages pages, ReviewedReferral referral, CorridorSource corridors, int number,
            int count) throws IOException {
        pages.newPage();
        float x = pages.left();
        float width = pages.width();
        pages.color(0x555555);
        pages.paragraph("Flagged referral " + number + " of " + count + " (gravest first)", pages.regular, 8, x, width);
        pages.color(0x111111);
        pages.paragraph("Referral " + referral.pseudonym(), pages.bold, 14, x, width);
        pages.down(2);
        for (Flag flag : referral.flags()) {
            pages.color(0x8B0000);
            pages.paragraph(flag.label() + ": " + flag.rule(), pages.regular, 8.5f, x, width);
        }
        pages.down(8);
        float top = pages.y();
        float figuresBottom = figures(pages, referral, x, top);
        TrajectoryChartModel chart = TrajectoryChartModel.of(referral.record(), referral.stepChanges(), catalogue,
                corridors, TrajectoryChartModel.XAxis.CONTACT_NUMBER);
        TrajectoryDrawing.draw(pages, chart, x + FIGURES_WIDTH + 12, top, width - FIGURES_WIDTH - 12);
        pages.down(top - figuresBottom);
        for (String note : chart.corridorNotes()) {
            pages.color(0x444444);
            pages.paragraph(note, pages.regular, 7, x, FIGURES_WIDTH);
        }
    }

    /** The referral's figures in a column at the left; returns where the column ends. */
    private float figures(PackPages pages, ReviewedReferral referral, float x, float top) throws IOException {
        float y = top;
        for (ReferralFigures.Figure figure : ReferralFigures.of(referral, catalogue)) {
            pages.color(0x555555);
            pages.text(figure.label(), pages.bold, 7.5f, x, y - 8);
            pages.color(0x111111);
            List<String> lines = pages.wrap(figure.value(), pages.regular, 8.5f, FIGURES_WIDTH);
            for (int i = 0; i < lines.size(); i++) {
                pages.text(lines.get(i), pages.regular, 8.5f, x, y - 18 - i * 10.5f);
            }
            y -= 14 + lines.size() * 10.5f + 3;
        }
        return Math.min(y, top - TrajectoryDrawing.height());
    }

    /** A practitioner's referrals as records, each unpacked only as it is reached. */
    private static Collection<ReferralRecord> recordsOf(Review review, String practitioner) {
        return new AbstractCollection<>() {
            @Override
            public Iterator<ReferralRecord> iterator() {
                return review.referrals().stream().filter(r -> r.practitioner().equals(practitioner))
                        .map(ReviewedReferral::record).iterator();
            }

            @Override
            public int size() {
                return (int) review.referrals().stream().filter(r -> r.practitioner().equals(practitioner)).count();
            }
        };
    }

    private static List<ReviewedReferral> flaggedInOrder(Review review) {
        return review.referrals().stream().filter(ReviewedReferral::flagged).sorted(ReviewedReferral.GRAVEST_FIRST)
                .toList();
    }
}
