package org.stepwise.ui.chart;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.stepwise.demo.DemoCaseloadGenerator;
import org.stepwise.demo.DemoPatient;
import org.stepwise.demo.DemoReferral;
import org.stepwise.domain.outcome.ReferralRecord;

/** A demo caseload's referrals, for pictures of the charts with realistic records. */
final class DemoReferrals {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final long SEED = 20261123L;
    private static final int PATIENTS = 1_500;

    private static List<DemoReferral> referrals;
    private static List<ReferralRecord> records;
    private static Map<String, String> names;

    private DemoReferrals() {
    }

    static synchronized List<DemoReferral> all() {
        if (referrals == null) {
            List<DemoReferral> list = new ArrayList<>();
            Map<String, String> byKey = new HashMap<>();
            for (DemoPatient patient : new DemoCaseloadGenerator(SEED, TODAY).generate(PATIENTS).patients()) {
                for (DemoReferral referral : patient.referrals()) {
                    byKey.put(key(list.size()), patient.patient().displayName());
                    list.add(referral);
                }
            }
            referrals = List.copyOf(list);
            names = Map.copyOf(byKey);
        }
        return referrals;
    }

    /** The invented name of the patient of a referral, by key. */
    static String name(String key) {
        all();
        return names.get(key);
    }

    /** Every referral as the rules see it, keyed "demo-1", "demo-2", … in generation order. */
    static synchronized List<ReferralRecord> records() {
        if (records == null) {
            List<ReferralRecord> list = new ArrayList<>();
            for (int i = 0; i < all().size(); i++) {
                list.add(all().get(i).toRecord(key(i)));
            }
            records = List.copyOf(list);
        }
        return records;
    }

    static String key(int index) {
        return "demo-" + (index + 1);
    }

    /** The index of the first referral that fits. */
    static int first(Predicate<DemoReferral> fits) {
        for (int i = 0; i < all().size(); i++) {
            if (fits.test(all().get(i))) {
                return i;
            }
        }
        throw new AssertionError("The demo caseload has no such referral");
    }
}
