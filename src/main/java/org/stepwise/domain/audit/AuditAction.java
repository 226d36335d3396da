package org.stepwise.domain.audit;

import java.util.Locale;
import java.util.Optional;

/** What an audit event records. The code is what the store keeps and what {@code --action} takes. */
public enum AuditAction {
    UNLOCK("Unlocked"),
    UNLOCK_FAILED("Unlock refused (wrong passphrase)"),
    VIEW("Viewed"),
    CREATE("Created"),
    CHANGE("Changed"),
    DELETE("Deleted"),
    EXPORT("Exported"),
    BACKUP("Backed up"),
    RESTORE("Restored"),
    HANDOVER_CREATED("Handed over"),
    HANDOVER_ACCEPTED("Handover accepted"),
    HANDOVER_REFUSED("Handover refused");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    /** The stored code: the name in lower case ({@code unlock_failed}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    /** The action with this code (any case, {@code -} or {@code _}), or empty. */
    public static Optional<AuditAction> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().replace('-', '_').toUpperCase(Locale.ROOT);
        for (AuditAction action : values()) {
            if (action.name().equals(wanted)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
