package org.stepwise.store;

import java.nio.file.Path;
import org.stepwise.domain.caseload.StoreAccess;
import org.stepwise.domain.measure.MeasureCatalogue;

/** For tests in other packages: the real store of a folder, with the low key derivation count of the store tests. */
public final class TestStores {

    private TestStores() {
    }

    public static StoreAccess access(Path dataFolder) {
        return new H2StoreAccess(dataFolder, MeasureCatalogue.standard(), StoreFixtures.TEST_ITERATIONS);
    }
}
