package org.stepwise.pack;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;

/**
 * Landscape A4 pages written top to bottom: a cursor that moves down as text, tables and charts are
 * placed, a new page when the next block does not fit, and a footer on every page at the end. Text is
 * Helvetica (a standard PDF font, nothing embedded); a character it cannot show is replaced.
 */
final class PackPages implements Closeable {

    static final PDRectangle SIZE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    static final float MARGIN = 36;
    private static final float FOOTER_SIZE = 7.5f;
    /** Replacements for characters Helvetica's encoding lacks. */
    private static final Map<Integer, String> REPLACEMENTS = Map.of(0x2265, ">=", 0x2264, "<=", 0x2192, "->");

    final PDDocument document = new PDDocument();
    final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final Map<Integer, Boolean> encodable = new HashMap<>();
    private PDPageContentStream content;
    /** The cursor: distance from the bottom of the page to the top of the next block. */
    private float y;

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

    void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(SIZE);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = SIZE.getHeight() - MARGIN;
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
        PDExtendedGraphicsState state = new PDExtendedGraphicsState();
        state.setNonStrokingAlphaConstant(alpha);
        content.setGraphicsStateParameters(state);
    }

    /** Writes {@code text} and "page i of n" at the foot of every page. */
    void footers(String text) throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
        int count = document.getNumberOfPages();
        for (int i = 0; i < count; i++) {
            try (PDPageContentStream foot = new PDPageContentStream(document, document.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                content = foot;
                color(0x555555);
                text(text, regular, FOOTER_SIZE, MARGIN, MARGIN / 2);
                textRight("page " + (i + 1) + " of " + count, regular, FOOTER_SIZE, SIZE.getWidth() - MARGIN, MARGIN / 2);
            } finally {
                content = null;
            }
        }
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

    @Override
    public void close() throws IOException {
        try {
            if (content != null) {
                content.close();
            }
        } finally {
            document.close();
        }
    }
}
