package org.stepwise.domain.patient;

import org.stepwise.domain.common.Coded;

/** NHS ethnic category (clinical-reference.md §7). */
public enum Ethnicity implements Coded {
    A("White: British"),
    B("White: Irish"),
    C("White: any other White background"),
    D("Mixed: White and Black Caribbean"),
    E("Mixed: White and Black African"),
    F("Mixed: White and Asian"),
    G("Mixed: any other mixed background"),
    H("Asian or Asian British: Indian"),
    J("Asian or Asian British: Pakistani"),
    K("Asian or Asian British: Bangladeshi"),
    L("Asian or Asian British: any other Asian background"),
    M("Black or Black British: Caribbean"),
    N("Black or Black British: African"),
    P("Black or Black British: any other Black background"),
    R("Other: Chinese"),
    S("Other: any other ethnic group"),
    Z("Not stated");

    private final String label;

    Ethnicity(String label) {
        this.label = label;
    }

    @Override public String code() { return name(); }
    @Override public String label() { return name() + " – " + label; }
}
