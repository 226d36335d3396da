package org.stepwise.domain.caseload;

import org.stepwise.domain.audit.AuditLog;

/**
 * The open caseload store, whole: the composition of the narrow ports, one per aggregate ({@link PatientStore},
 * {@link ReferralStore}, {@link ContactStore}, {@link SettingsStore}, {@link MaintenanceStore}, {@link HandoverStore}), the caseload
 * read across them ({@link CaseloadReads}) and the audit log ({@link #audit()}). The store package implements
 * it, the composition root wires it. Code that needs only part of the store depends on the narrowest port
 * it needs, and is given this store (which is each of them).
 *
 * <p>Every method is one transaction: it completes whole or changes nothing. Callers run it off the FX thread.
 * Failures are {@link StoreException}s whose messages name no patient; a change the clinical or data rules
 * refuse is an {@link IllegalArgumentException} with a plain message that names no patient, and nothing is
 * saved.
 */
public interface CaseloadStore extends PatientStore, ReferralStore, ContactStore, CaseloadReads, SettingsStore,
        MaintenanceStore, HandoverStore, AutoCloseable {

    /** The store's append-only audit log. */
    AuditLog audit();

    @Override
    void close();
}
