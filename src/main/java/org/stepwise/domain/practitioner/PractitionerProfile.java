package org.stepwise.domain.practitioner;

import java.util.Objects;
import java.util.Optional;

/** The one practitioner whose store this is. */
public record PractitionerProfile(String displayName, Role role, String serviceCode, boolean demo) {

    public PractitionerProfile {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(serviceCode, "serviceCode");
    }

    /** Why a service code is not acceptable, or empty: 2 to 12 capital letters or digits. */
    public static Optional<String> serviceCodeProblem(String code) {
        if (code == null || code.isBlank()) {
            return Optional.of("Enter the service code (for example RX1).");
        }
        if (!code.strip().matches("[A-Z0-9]{2,12}")) {
            return Optional.of("A service code is 2 to 12 capital letters or digits.");
        }
        return Optional.empty();
    }
}
