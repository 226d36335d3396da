package org.stepwise.pack;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.COSWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;

/**
 * A PDF written to a file one page at a time, so that a document of any number of pages needs the
 * memory of one page. Each page's content is drawn with PDFBox's {@link PDPageContentStream} straight
 * into the file through a deflater; once the page is finished nothing of it stays in memory but its
 * object numbers and their places in the file (a few bytes a page, for the cross-reference table).
 * Every page shares one resource dictionary (the standard fonts, graphics states and the page-count
 * form), written after the last page, as are the page tree, the page-count form (so that "page i of n"
 * can be drawn before n is known), the catalogue, the document information and the cross-reference
 * table. PDFBox's own {@link PDDocument} keeps every page object, and every content stream, until it
 * is saved: a pack of 15,000 pages did not fit in 256 MB (docs/review-and-pack.md).
 *
 * <p>Only what the pack draws is supported: text in the standard 14 fonts, lines, rectangles and fills
 * in DeviceRGB, constant opacity, and forms (the page-count form). Not thread-safe.
 */
final class StreamingPdf implements Closeable {

    private static final byte[] HEADER = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final int CATALOG = 1;
    private static final int PAGE_TREE = 2;
    private static final int RESOURCES = 3;
    private static final int PAGE_COUNT_FORM = 4;
    private static final int INFO = 5;
    private static final int FIRST_FREE = 6;

    private final FileChannel channel;
    private final Counting out;
    private final PDRectangle size;
    /** A document PDFBox's content streams need beside them; it holds no page. */
    private final PDDocument scratch = new PDDocument();
    private final PDResources resources = new PDResources();
    private final PDAppearanceStream canvas;
    private final PDFormXObject pageCount;
    /** One deflater for every page's content, reset for each. */
    private final Deflater deflater = new Deflater();
    private PDType1Font pageCountFont;
    private float pageCountSize;
    /** Where each object starts in the file, by object number (0 unused). */
    private long[] offsets = new long[1024];
    private int nextObject = FIRST_FREE;
    /** The object number of each page, in page order. */
    private int[] pages = new int[256];
    private int pageTotal;
    private PDPageContentStream content;
    private int contentObject;
    private long contentStart;
    private boolean finished;

    /** Starts the PDF in {@code file}, which must exist (an empty part file) and is written from its start. */
    StreamingPdf(Path file, PDRectangle size) throws IOException {
        this.size = size;
        this.channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        this.out = new Counting(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
        canvas = new PDAppearanceStream(scratch);
        canvas.setResources(resources);
        pageCount = new PDFormXObject(scratch);
        out.write(HEADER);
    }

    /** The number of the page being drawn, from 1; 0 before the first. */
    int pageNumber() {
        return pageTotal;
    }

    /**
     * Starts a new page (finishing the one being drawn) and returns the stream to draw it with; its
     * resources are shared by every page. Close nothing: {@link #endPage} or the next call does.
     */
    PDPageContentStream beginPage() throws IOException {
        endPage();
        contentObject = begin();
        out.ascii("<< /Length " + (contentObject + 1) + " 0 R /Filter /FlateDecode >>\nstream\n");
        contentStart = out.count;
        deflater.reset();
        content = new PDPageContentStream(scratch, canvas, new DeflaterOutputStream(new Unclosed(out), deflater, 1 << 14));
        pageTotal++;
        return content;
    }

    /** Finishes the page being drawn, if any: its content, its length and the page object go to the file. */
    void endPage() throws IOException {
        if (content == null) {
            return;
        }
        content.close();
        content = null;
        long length = out.count - contentStart;
        out.ascii("\nendstream\nendobj\n");
        begin();
        out.ascii(length + "\nendobj\n");
        int page = begin();
        out.ascii("<< /Type /Page /Parent " + PAGE_TREE + " 0 R /MediaBox [0 0 " + number(size.getWidth()) + " "
                + number(size.getHeight()) + "] /Resources " + RESOURCES + " 0 R /Contents " + contentObject + " 0 R >>\nendobj\n");
        if (pageTotal > pages.length) {
            pages = Arrays.copyOf(pages, pages.length * 2);
        }
        pages[pageTotal - 1] = page;
    }

    /**
     * Draws the number of pages the document will have, wherever the page being drawn places it: a
     * form shared by every page, whose content is written once the number is known. Its text starts at
     * the current origin, in {@code font} at {@code fontSize}.
     */
    void drawPageCount(PDPageContentStream on, PDType1Font font, float fontSize) throws IOException {
        if (pageCountFont == null) {
            pageCountFont = font;
            pageCountSize = fontSize;
        }
        on.drawForm(pageCount);
    }

    /**
     * Writes everything after the last page (the shared resources, the page tree, the page-count form,
     * the catalogue, the document information, the cross-reference table) and forces the file to disk.
     */
    void finish(String title, String creator) throws IOException {
        endPage();
        if (pageTotal == 0) {
            throw new IllegalStateException("A PDF has at least one page.");
        }
        at(PAGE_TREE);
        StringBuilder kids = new StringBuilder("<< /Type /Pages /Count ").append(pageTotal).append(" /Kids [");
        out.ascii(kids.toString());
        for (int i = 0; i < pageTotal; i++) {
            out.ascii((i % 10 == 0 ? "\n" : " ") + pages[i] + " 0 R");
        }
        out.ascii("\n] >>\nendobj\n");

        at(RESOURCES);
        Map<COSBase, Integer> indirect = new IdentityHashMap<>();
        indirect.put(pageCount.getCOSObject(), PAGE_COUNT_FORM);
        write(resources.getCOSObject(), indirect);
        out.ascii("\nendobj\n");

        at(PAGE_COUNT_FORM);
        byte[] form = pageCountContent();
        out.ascii("<< /Type /XObject /Subtype /Form /BBox [0 -2 120 12] /Resources << /Font << /F1 ");
        write(pageCountFont == null ? new COSDictionary() : pageCountFont.getCOSObject(), Map.of());
        out.ascii(" >> >> /Length " + form.length + " >>\nstream\n");
        out.write(form);
        out.ascii("\nendstream\nendobj\n");

        at(CATALOG);
        out.ascii("<< /Type /Catalog /Pages " + PAGE_TREE + " 0 R >>\nendobj\n");

        at(INFO);
        out.ascii("<< /Title ");
        COSWriter.writeString(new COSString(title), out);
        out.ascii(" /Creator ");
        COSWriter.writeString(new COSString(creator), out);
        out.ascii(" /Producer ");
        COSWriter.writeString(new COSString(creator), out);
        out.ascii(" >>\nendobj\n");

        long xref = out.count;
        out.ascii("xref\n0 " + nextObject + "\n0000000000 65535 f\r\n");
        for (int object = 1; object < nextObject; object++) {
            out.ascii(String.format(Locale.ROOT, "%010d 00000 n\r\n", offsets[object]));
        }
        byte[] id = new byte[16];
        new SecureRandom().nextBytes(id);
        String hex = HexFormat.of().formatHex(id);
        out.ascii("trailer\n<< /Size " + nextObject + " /Root " + CATALOG + " 0 R /Info " + INFO + " 0 R /ID [<" + hex
                + "> <" + hex + ">] >>\nstartxref\n" + xref + "\n%%EOF\n");
        out.flush();
        channel.force(true);
        finished = true;
    }

    /** Whether {@link #finish} completed: the file is a whole PDF. */
    boolean finished() {
        return finished;
    }

    private byte[] pageCountContent() {
        String text = Integer.toString(pageTotal);
        String operators = "BT\n/F1 " + number(pageCountSize) + " Tf\n0 0 Td\n(" + text + ") Tj\nET\n";
        return operators.getBytes(StandardCharsets.US_ASCII);
    }

    /** Starts the next object; returns its number. */
    private int begin() throws IOException {
        int object = nextObject++;
        at(object);
        return object;
    }

    /** Starts object {@code number} here. */
    private void at(int number) throws IOException {
        if (number >= offsets.length) {
            offsets = Arrays.copyOf(offsets, Math.max(offsets.length * 2, number + 1));
        }
        offsets[number] = out.count;
        out.ascii(number + " 0 obj\n");
    }

    /** A direct object as PDF text; a stream only by reference, from {@code indirect}. */
    private void write(COSBase object, Map<COSBase, Integer> indirect) throws IOException {
        COSBase value = object instanceof COSObject reference ? reference.getObject() : object;
        Integer number = indirect.get(value);
        if (number != null) {
            out.ascii(number + " 0 R");
        } else if (value instanceof COSStream) {
            throw new IllegalStateException("A stream in the shared resources that is not written on its own.");
        } else if (value instanceof COSDictionary dictionary) {
            out.ascii("<<");
            for (Map.Entry<COSName, COSBase> entry : dictionary.entrySet()) {
                out.ascii(" ");
                entry.getKey().writePDF(out);
                out.ascii(" ");
                write(entry.getValue(), indirect);
            }
            out.ascii(" >>");
        } else if (value instanceof COSArray array) {
            out.ascii("[");
            for (int i = 0; i < array.size(); i++) {
                out.ascii(i == 0 ? "" : " ");
                write(array.get(i), indirect);
            }
            out.ascii("]");
        } else if (value instanceof COSName name) {
            name.writePDF(out);
        } else if (value instanceof COSString string) {
            COSWriter.writeString(string, out);
        } else if (value instanceof COSNumber numeric) {
            out.ascii(numeric instanceof org.apache.pdfbox.cos.COSInteger whole ? Long.toString(whole.longValue())
                    : number(numeric.floatValue()));
        } else if (value instanceof COSBoolean bool) {
            bool.writePDF(out);
        } else if (value == null || value instanceof COSNull) {
            out.ascii("null");
        } else {
            throw new IllegalStateException("A PDF object the pack does not write: " + value.getClass().getSimpleName());
        }
    }

    private static String number(float value) {
        if (value == Math.rint(value)) {
            return Long.toString((long) value);
        }
        return new java.math.BigDecimal(Float.toString(value)).stripTrailingZeros().toPlainString();
    }

    @Override
    public void close() throws IOException {
        try {
            if (content != null) {
                content.close();
                content = null;
            }
        } finally {
            try {
                deflater.end();
                scratch.close();
            } finally {
                try {
                    out.close();
                } finally {
                    channel.close();
                }
            }
        }
    }

    /** Counts the bytes written through it: where each object starts. */
    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        void ascii(String text) throws IOException {
            write(text.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    /** Passes writes on, and leaves the file open when a page's deflater is closed. */
    private static final class Unclosed extends FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
