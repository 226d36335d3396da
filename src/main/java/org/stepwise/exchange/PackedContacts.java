package org.stepwise.exchange;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.stepwise.domain.contact.Attendance;
import org.stepwise.domain.contact.ContactType;
import org.stepwise.domain.contact.Medium;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.Score;
import org.stepwise.domain.outcome.ContactRecord;

/**
 * A referral's contacts packed into a few bytes each, for a review that holds a whole service's
 * referrals: dates as days, codes as their ordinals, numbers as variable-length integers, totals as
 * their exact decimal (unscaled value and scale), item responses when there are any, the therapy
 * delivered when one was recorded. Unpacking gives
 * contacts equal to those packed; equal contact lists pack to equal bytes.
 */
final class PackedContacts {

    private static final ContactType[] TYPES = ContactType.values();
    private static final Attendance[] ATTENDANCE = Attendance.values();
    private static final Medium[] MEDIA = Medium.values();

    private PackedContacts() {
    }

    static byte[] pack(List<ContactRecord> contacts) {
        Out out = new Out();
        out.number(contacts.size());
        for (ContactRecord contact : contacts) {
            out.number(contact.date().toEpochDay());
            out.number(contact.type().ordinal());
            out.number(contact.attendance().ordinal());
            out.number(contact.medium().ordinal());
            out.number(contact.step());
            optional(out, contact.minutes());
            text(out, contact.therapyType());
            out.number(contact.scores().size());
            for (Score score : contact.scores()) {
                out.number(score.measure().index());
                out.number(score.total().scale());
                BigInteger unscaled = score.total().unscaledValue();
                if (unscaled.bitLength() < Long.SIZE - 1) {
                    out.number(0);
                    out.number(unscaled.longValue());
                } else {
                    byte[] big = unscaled.toByteArray();
                    out.number(big.length);
                    out.bytes(big);
                }
                List<Integer> items = score.items();
                if (items == null) {
                    out.number(-1);
                } else {
                    out.number(items.size());
                    items.forEach(item -> optional(out, item));
                }
            }
        }
        return out.toArray();
    }

    static List<ContactRecord> unpack(byte[] packed) {
        In in = new In(packed);
        int count = (int) in.number();
        List<ContactRecord> contacts = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            LocalDate date = LocalDate.ofEpochDay(in.number());
            ContactType type = TYPES[(int) in.number()];
            Attendance attendance = ATTENDANCE[(int) in.number()];
            Medium medium = MEDIA[(int) in.number()];
            int step = (int) in.number();
            Integer minutes = optional(in);
            String therapyType = text(in);
            int scoreCount = (int) in.number();
            List<Score> scores = new ArrayList<>(scoreCount);
            for (int s = 0; s < scoreCount; s++) {
                MeasureCode measure = MeasureCode.byIndex((int) in.number());
                int scale = (int) in.number();
                int bigLength = (int) in.number();
                BigInteger unscaled = bigLength == 0 ? BigInteger.valueOf(in.number()) : new BigInteger(in.bytes(bigLength));
                int itemCount = (int) in.number();
                List<Integer> items = null;
                if (itemCount >= 0) {
                    items = new ArrayList<>(itemCount);
                    for (int i = 0; i < itemCount; i++) {
                        items.add(optional(in));
                    }
                }
                scores.add(new Score(measure, new BigDecimal(unscaled, scale), items));
            }
            contacts.add(new ContactRecord(date, type, attendance, medium, step, minutes, scores, therapyType));
        }
        return contacts;
    }

    /** An Integer that may be null: 0 for null, else a flag bit beside the value. */
    private static void optional(Out out, Integer value) {
        if (value == null) {
            out.number(0);
        } else {
            out.number(1);
            out.number(value);
        }
    }

    private static Integer optional(In in) {
        return in.number() == 0 ? null : (int) in.number();
    }

    /** A text that may be null (a therapy's SNOMED CT id): -1 for null, else its UTF-8 length and bytes. */
    private static void text(Out out, String value) {
        if (value == null) {
            out.number(-1);
        } else {
            byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.number(bytes.length);
            out.bytes(bytes);
        }
    }

    private static String text(In in) {
        int length = (int) in.number();
        return length < 0 ? null : new String(in.bytes(length), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Signed numbers as zig-zag variable-length integers: 0–63 in one byte, dates in three. */
    private static final class Out {
        private byte[] bytes = new byte[64];
        private int size;

        void number(long value) {
            long zigzag = (value << 1) ^ (value >> 63);
            while ((zigzag & ~0x7FL) != 0) {
                put((byte) ((zigzag & 0x7F) | 0x80));
                zigzag >>>= 7;
            }
            put((byte) zigzag);
        }

        void bytes(byte[] more) {
            for (byte b : more) {
                put(b);
            }
        }

        private void put(byte b) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, size * 2);
            }
            bytes[size++] = b;
        }

        byte[] toArray() {
            return Arrays.copyOf(bytes, size);
        }
    }

    private static final class In {
        private final byte[] bytes;
        private int at;

        In(byte[] bytes) {
            this.bytes = bytes;
        }

        long number() {
            long zigzag = 0;
            int shift = 0;
            byte b;
            do {
                b = bytes[at++];
                zigzag |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while (b < 0);
            return (zigzag >>> 1) ^ -(zigzag & 1);
        }

        byte[] bytes(int length) {
            byte[] read = Arrays.copyOfRange(bytes, at, at + length);
            at += length;
            return read;
        }
    }
}
