package org.stepwise.cli;

import org.stepwise.exchange.Review;
import org.stepwise.exchange.SummaryTables;

/** The review's summary tables as plain text, one block per group, for the review command's publishable summary. */
final class SummaryText {

    private SummaryText() {
    }

    static String publishable(Review review) {
        StringBuilder text = new StringBuilder();
        text.append(String.format("Files: %d read, %d refused%n", review.accepted().size(), review.refused().size()));
        text.append(String.format("Publishable summary: counts under 5 are shown as <5 and other counts rounded to "
                + "the nearest 5; a rate is shown only where its denominator is 5 or more.%n"));
        text.append(String.format("Rates count %s. below / meets: the rate against its national standard or, where "
                + "there is none, the planning ambition (a suppressed rate is not judged).%n",
                ReviewCommand.cohort(review)));
        for (SummaryTables.Table table : SummaryTables.of(review, true)) {
            text.append(String.format("%n%s%n", table.title()));
            for (SummaryTables.Row row : table.rows()) {
                text.append(String.format("  %s%n", row.group()));
                for (int i = 0; i < SummaryTables.COLUMNS.size(); i++) {
                    SummaryTables.Cell cell = row.cells().get(i);
                    String label = SummaryTables.COLUMNS.get(i).label();
                    if (cell.rate() == null) {
                        text.append(String.format("    %-34s %12s%n", label, cell.count()));
                    } else {
                        String mark = cell.mark() == null ? "" : cell.below() ? "  below" : "  meets";
                        text.append(String.format("    %-34s %12s  %s%s%n", label,
                                cell.count() + " of " + cell.denominator(), cell.rate(), mark));
                    }
                }
            }
        }
        text.append(String.format("%nFlagged referrals are not listed in a publishable summary.%n"));
        return text.toString();
    }
}
