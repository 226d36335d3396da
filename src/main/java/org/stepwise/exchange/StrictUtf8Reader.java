package org.stepwise.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a byte stream as UTF-8 a buffer at a time, refusing malformed input exactly as a strict
 * decoder of the whole text would ({@link NotUtf8} at the first bad sequence, or at the end for a
 * sequence cut short), and notes whether every character so far is white space ({@link String#isBlank}).
 */
final class StrictUtf8Reader extends Reader {

    /** The bytes are not UTF-8 text. */
    static final class NotUtf8 extends IOException {
        NotUtf8() {
            super("not UTF-8 text", null);
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private boolean endOfBytes;
    private boolean flushed;
    private boolean blank = true;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(into, offset, length);
        while (out.position() == offset && !flushed) {
            CoderResult result = decoder.decode(bytes, out, endOfBytes);
            if (result.isError()) {
                throw new NotUtf8();
            }
            if (result.isUnderflow()) {
                if (endOfBytes) {
                    if (decoder.flush(out).isUnderflow()) {
                        flushed = true;
                    }
                } else {
                    fill();
                }
            }
        }
        int read = out.position() - offset;
        if (read == 0) {
            return -1;
        }
        for (int i = offset; blank && i < offset + read; i++) {
            blank = Character.isWhitespace(into[i]);
        }
        return read;
    }

    private void fill() throws IOException {
        bytes.compact();
        int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (read < 0) {
            endOfBytes = true;
        } else {
            bytes.position(bytes.position() + read);
        }
        bytes.flip();
    }

    /** Reads what is left, so that the whole text has been checked; throws {@link NotUtf8} if it is not UTF-8. */
    void drain() throws IOException {
        char[] rest = new char[8192];
        while (read(rest, 0, rest.length) >= 0) {
            // only decoded, to check it
        }
    }

    /** True while every character read so far is white space (so, after {@link #drain}, the whole text). */
    boolean blank() {
        return blank;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
