package org.stepwise.store;

import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;

/**
 * The measures the store's scores name, against the measure table in force (clinical-reference.md §1:
 * "a file or store that names a measure the table lacks is refused with its name, never guessed").
 * The schema checks only a code's form, since a service's table may add measures.
 */
final class StoredMeasures {

    private StoredMeasures() {
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
