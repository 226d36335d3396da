package org.stepwise.store;

import static org.stepwise.store.generated.Tables.SCORE;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;

/**
 * The measures the store's scores name, against the measure table in force (clinical-reference.md §1:
 * "a file or store that names a measure the table lacks is refused with its name, never guessed").
 * The schema checks only a code's form, since a service's table may add measures; a store whose scores
 * name a code the table in force does not define (a service's table that lost a row, or a store moved
 * to a machine without that table) is not opened.
 */
final class StoredMeasures {

    private StoredMeasures() {
    }

    /** The codes the store's scores name that {@code catalogue} does not define, in code order; empty when none. */
    static List<String> unknown(DSLContext dsl, MeasureCatalogue catalogue) {
        return dsl.selectDistinct(SCORE.MEASURE).from(SCORE).orderBy(SCORE.MEASURE).fetch(SCORE.MEASURE).stream()
                .filter(code -> catalogue.code(code).isEmpty())
                .toList();
    }

    /** Why a store holding scores of {@code unknown} cannot be opened under {@code catalogue}, or empty. */
    static Optional<String> refusal(List<String> unknown, MeasureCatalogue catalogue) {
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        String named = unknown.size() == 1 ? "the measure " + unknown.getFirst()
                : "the measures " + String.join(", ", unknown.subList(0, unknown.size() - 1)) + " and "
                        + unknown.getLast();
        return Optional.of("This store holds scores of " + named + ", which the measure table in force (edition "
                + catalogue.edition() + ") does not define, so it was not opened and nothing was changed. Put back "
                + "the service's measure table that defines " + (unknown.size() == 1 ? "it" : "them") + " ("
                + MeasureCatalogue.TABLE_FILE_NAME + " in the data folder) and open the store again.");
    }

    /**
     * The code of a stored score; a code the table lacks (which the check at opening rules out) is a
     * {@link StoreException} naming it, never a guess.
     */
    static MeasureCode code(MeasureCatalogue catalogue, String text) {
        return catalogue.code(text).orElseThrow(() -> new StoreException("The store holds a score of the measure "
                + text + ", which the measure table in force (edition " + catalogue.edition() + ") does not define."));
    }
}
