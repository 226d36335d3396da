package org.stepwise.pack;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;

/**
 * Landscape A4 pages written top to bottom into a file, one page at a time ({@link StreamingPdf}): a
 * cursor that moves down as text, tables and charts are placed, a new page when the next block does
 * not fit, and the footer lines with "page i of n" on every page as it is finished. Text is Helvetica
 * (a standard PDF font, nothing embedded); a character it cannot show is replaced.
 */
final class PackPages implements Closeable {

    static final PDRectangle SIZE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    static final float MARGIN = 36;
    private static final float FOOTER_SIZE = 7.5f;
    /** Replacements for characters Helvetica's encoding lacks. */
    private static final Map<Integer, String> REPLACEMENTS = Map.of(0x2265, ">=", 0x2264, "<=", 0x2192, "->");

    final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final Map<Integer, Boolean> encodable = new HashMap<>();
    /** One graphics state per opacity, shared by every page (the pages share one resource dictionary). */
    private final Map<Float, PDExtendedGraphicsState> opacities = new HashMap<>();
    private final StreamingPdf pdf;
    private final List<String> footer;
    private PDPageContentStream content;
    /** The cursor: distance from the bottom of the page to the top of the next block. */
    private float y;

    /**
     * Pages written into {@code file} (an empty file that exists), each with {@code footer} (one or two
     * lines) at its foot.
     */
    PackPages(Path file, List<String> footer) throws IOException {
        if (footer.isEmpty() || footer.size() > 2) {
            throw new IllegalArgumentException("A page's footer has one or two lines.");
        }
        this.footer = List.copyOf(footer);
        this.pdf = new StreamingPdf(file, SIZE);
    }

    /** The page being written. */
    PDPageContentStream content() {
        return content;
    }

    float left() {
        return MARGIN;
    }

    float width() {
        return SIZE.getWidth() - 2 * MARGIN;
    }

    float y() {
        return y;
    }

    /** Moves the cursor down. */
    void down(float height) {
        y -= height;
    }

    /** Finishes the page being written (its footer, then out to the file) and starts the next. */
    void newPage() throws IOException {
        finishPage();
        content = pdf.beginPage();
        y = SIZE.getHeight() - MARGIN;
    }

    /** The number of the page being written, from 1. */
    int pageNumber() {
        return pdf.pageNumber();
    }

    private void finishPage() throws IOException {
        if (content == null) {
            return;
        }
        color(0x555555);
        float baseline = MARGIN / 2 + (footer.size() - 1) * (FOOTER_SIZE + 2);
        for (String line : footer) {
            text(line, regular, FOOTER_SIZE, MARGIN, baseline);
            baseline -= FOOTER_SIZE + 2;
        }
        // "page i of n": n is drawn by a form filled in once the last page is written.
        float right = SIZE.getWidth() - MARGIN;
        float numberStart = right - width("00000", regular, FOOTER_SIZE);
        textRight("page " + pdf.pageNumber() + " of ", regular, FOOTER_SIZE, numberStart, MARGIN / 2);
        content.saveGraphicsState();
        content.transform(org.apache.pdfbox.util.Matrix.getTranslateInstance(numberStart, MARGIN / 2));
        pdf.drawPageCount(content, regular, FOOTER_SIZE);
        content.restoreGraphicsState();
        content = null;
        pdf.endPage();
    }

    /** Finishes the last page and the document: the file is then a whole PDF. */
    void finish(String title, String creator) throws IOException {
        finishPage();
        pdf.finish(title, creator);
    }

    /** Starts a new page unless {@code height} fits above the footer. */
    void room(float height) throws IOException {
        if (content == null || y - height < MARGIN + 14) {
            newPage();
        }
    }

    /** One line of text with its baseline at {@code baseline}. */
    void text(String text, PDType1Font font, float size, float x, float baseline) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, baseline);
        content.showText(safe(text, font));
        content.endText();
    }

    /** Right-aligned to {@code right}. */
    void textRight(String text, PDType1Font font, float size, float right, float baseline) throws IOException {
        text(text, font, size, right - width(text, font, size), baseline);
    }

    float width(String text, PDType1Font font, float size) throws IOException {
        return font.getStringWidth(safe(text, font)) / 1000 * size;
    }

    /** Text wrapped into lines no wider than {@code width}, breaking at spaces (a longer word stands alone). */
    List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && width(candidate, font, size) > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** Wrapped text at the cursor, which moves below it; a new page first if it does not fit. */
    void paragraph(String text, PDType1Font font, float size, float x, float width) throws IOException {
        List<String> lines = wrap(text, font, size, width);
        float leading = size * 1.3f;
        room(lines.size() * leading);
        for (String line : lines) {
            y -= leading;
            text(line, font, size, x, y + size * 0.25f);
        }
    }

    /** Sets the fill and stroke colour from 0xRRGGBB. */
    void color(int rgb) throws IOException {
        float r = ((rgb >> 16) & 0xFF) / 255f;
        float g = ((rgb >> 8) & 0xFF) / 255f;
        float b = (rgb & 0xFF) / 255f;
        content.setNonStrokingColor(r, g, b);
        content.setStrokingColor(r, g, b);
    }

    /** Sets how opaque fills are (1 opaque); reset with 1. */
    void fillOpacity(float alpha) throws IOException {
        PDExtendedGraphicsState state = opacities.computeIfAbsent(alpha, a -> {
            PDExtendedGraphicsState made = new PDExtendedGraphicsState();
            made.setNonStrokingAlphaConstant(a);
            return made;
        });
        content.setGraphicsStateParameters(state);
    }

    /** The text with every character the font cannot show replaced (≥ by >=, anything else by ?). */
    String safe(String text, PDType1Font font) {
        StringBuilder shown = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (encodable.computeIfAbsent(c, code -> canEncode(font, code))) {
                shown.appendCodePoint(c);
            } else {
                shown.append(REPLACEMENTS.getOrDefault(c, "?"));
            }
        });
        return shown.toString();
    }

    private static boolean canEncode(PDType1Font font, int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Closes the file; a document not {@linkplain #finish finished} is not a whole PDF (the caller removes it). */
    @Override
    public void close() throws IOException {
        content = null;
        pdf.close();
    }
}
