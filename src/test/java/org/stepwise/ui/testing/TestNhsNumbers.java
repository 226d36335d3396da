package org.stepwise.ui.testing;

import java.util.ArrayList;
import java.util.List;
import org.stepwise.domain.patient.NhsNumber;

/** Valid NHS numbers in the never-issued 999 range, for synthetic patients. */
public final class TestNhsNumbers {

    private TestNhsNumbers() {
    }

    /** The first {@code count} valid numbers 999 000 000x, 999 000 001x, … as ten digits. */
    public static List<String> valid(int count) {
        List<String> numbers = new ArrayList<>();
        for (int serial = 0; numbers.size() < count; serial++) {
            String nine = "999" + String.format("%06d", serial);
            for (int check = 0; check <= 9; check++) {
                if (NhsNumber.problem(nine + check).isEmpty()) {
                    numbers.add(nine + check);
                }
            }
        }
        return numbers;
    }
}
