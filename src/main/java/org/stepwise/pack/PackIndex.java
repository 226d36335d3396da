package org.stepwise.pack;

import java.io.IOException;
import java.util.List;
import org.stepwise.domain.flag.Flag;
import org.stepwise.domain.flag.FlagFacts;
import org.stepwise.domain.practitioner.PractitionerNames;
import org.stepwise.exchange.ReviewedReferral;

/**
 * The pack's first page(s): every flagged referral, gravest first, one entry each: its number, its flags'
 * labels as badges in their colours, its pseudonym and practitioner, the page it is on, and each flag's facts
 * for it (the one flag vocabulary: {@link org.stepwise.domain.flag.Flag}, {@link FlagFacts}). Never in a
 * publishable pack, which lists no referral.
 */
final class PackIndex {

    /** A flagged referral with its facts, gravest first. */
    record Entry(ReviewedReferral referral, List<FlagFacts.Fact> facts) {
    }

    private static final float SIZE = 8;
    private static final float LEADING = 10;
    private static final float PAGE_COLUMN = 40;

    private PackIndex() {
    }

    /**
     * Draws the index from a new page on; referral {@code i} (from 0) of {@code entries} is said to be on page
     * {@code firstReferralPage + i}.
     */
    static void draw(PackPages pages, List<Entry> entries, PractitionerNames names, int firstReferralPage)
            throws IOException {
        pages.newPage();
        float x = pages.left();
        float width = pages.width();
        pages.color(0x111111);
        pages.paragraph("Flagged referrals (" + entries.size() + "), gravest first", pages.bold, 15, x, width);
        pages.color(0x333333);
        pages.paragraph("Each referral's facts behind its flags, and the page of its figures and trajectory. What "
                + "each flag means follows the list.", pages.regular, 8.5f, x, width);
        pages.down(6);
        for (int i = 0; i < entries.size(); i++) {
            entry(pages, i + 1, entries.get(i), names, firstReferralPage + i);
        }
        java.util.SortedSet<Flag> raised = new java.util.TreeSet<>(Flag.GRAVEST_FIRST);
        entries.forEach(entry -> entry.facts().forEach(fact -> raised.add(fact.flag())));
        if (!raised.isEmpty()) {
            pages.down(8);
            pages.room(40);
            pages.color(0x111111);
            pages.paragraph("What each flag means", pages.bold, 11, x, width);
            for (Flag flag : raised) {
                pages.color(0x333333);
                pages.paragraph(flag.label() + ": " + flag.rule(), pages.regular, 8, x, width);
            }
        }
    }

    private static void entry(PackPages pages, int number, Entry entry, PractitionerNames names, int page)
            throws IOException {
        float x = pages.left();
        float textWidth = pages.width() - PAGE_COLUMN;
        List<List<String>> facts = new java.util.ArrayList<>();
        int lines = 1;
        for (FlagFacts.Fact fact : entry.facts()) {
            List<String> wrapped = pages.wrap(fact.label() + ": " + fact.facts(), pages.regular, SIZE, textWidth - 24);
            facts.add(wrapped);
            lines += wrapped.size();
        }
        float height = lines * LEADING + 6;
        pages.room(height);
        float top = pages.y();
        // The heading line: number, badges, pseudonym, practitioner; the page at the right.
        float baseline = top - SIZE - 1;
        pages.color(0x111111);
        String numbered = number + ".";
        pages.text(numbered, pages.bold, SIZE, x, baseline);
        float at = x + 18;
        for (FlagFacts.Fact fact : entry.facts()) {
            float badge = pages.width(fact.label(), pages.bold, SIZE - 0.5f) + 8;
            int[] rgb = fact.colour().rgb();
            pages.color((rgb[0] << 16) | (rgb[1] << 8) | rgb[2]);
            pages.content().addRect(at, baseline - 2.5f, badge, SIZE + 3);
            pages.content().fill();
            pages.color(0xFFFFFF);
            pages.text(fact.label(), pages.bold, SIZE - 0.5f, at + 4, baseline);
            at += badge + 4;
        }
        pages.color(0x111111);
        String referral = entry.referral().pseudonym();
        pages.text(referral, pages.bold, SIZE, at + 2, baseline);
        at += pages.width(referral, pages.bold, SIZE) + 10;
        pages.color(0x555555);
        pages.text("practitioner " + names.label(entry.referral().practitioner()), pages.regular, SIZE, at, baseline);
        pages.color(0x111111);
        pages.textRight("page " + page, pages.bold, SIZE, x + pages.width(), baseline);
        float y = baseline;
        for (List<String> wrapped : facts) {
            for (String line : wrapped) {
                y -= LEADING;
                pages.text(line, pages.regular, SIZE, x + 24, y);
            }
        }
        pages.color(0xDDDDDD);
        pages.content().setLineWidth(0.4f);
        pages.content().moveTo(x, top - height + 1);
        pages.content().lineTo(x + pages.width(), top - height + 1);
        pages.content().stroke();
        pages.down(height);
    }
}
