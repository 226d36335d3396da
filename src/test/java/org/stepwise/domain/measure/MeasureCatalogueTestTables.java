package org.stepwise.domain.measure;

/** Measure tables for tests outside this package: the bundled table with a service's additions. */
public final class MeasureCatalogueTestTables {

    private MeasureCatalogueTestTables() {
    }

    /**
     * The bundled table with a service's rows: IES-R (IESR) as PTSD's measure, and a body dysmorphic
     * disorder descriptor (BDD, ICD-10 F45.2 like health anxiety) with its own measure BDD-Q (BDDQ).
     */
    public static String withServiceAdditions() {
        return MeasureCatalogueTest.serviceTable();
    }
}
