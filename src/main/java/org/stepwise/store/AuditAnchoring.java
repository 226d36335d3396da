package org.stepwise.store;

import java.io.IOException;
import java.util.Optional;

/**
 * The audit anchor of an open store ({@link AuditAnchor}): checked once when the store opens, then written
 * after every commit that added events. What the check found wrong stays until the store is closed; while
 * it stands, the anchor is left as it is, as the evidence. Called under the session's lock.
 */
final class AuditAnchoring {

    private static final System.Logger LOG = System.getLogger(AuditAnchoring.class.getName());

    /** What the anchor check found wrong, or null. */
    private String problem;
    /** The event last anchored, -1 before the first. */
    private long anchoredEvent = -1;
    private boolean anchoredInStore;

    /**
     * Checks the audit log against its anchor before anything is added to it, and anchors it when it passes.
     * Returns what was found wrong, or empty.
     */
    Optional<String> check(Database database) {
        try {
            problem = AuditAnchor.problem(database.dsl(), database.dataDir(), database.anchorKey()).orElse(null);
            anchoredInStore = AuditAnchor.anchored(database.dsl());
        } catch (RuntimeException e) {
            StoreErrors.log("checking the audit anchor", e);
            problem = "the audit log's anchor could not be checked";
        }
        if (problem != null) {
            LOG.log(System.Logger.Level.WARNING, "Audit anchor check failed: {0}", problem);
        }
        anchor(database);
        return Optional.ofNullable(problem);
    }

    /**
     * Writes the anchor for the log's last event, after a commit (skipped when nothing was added since, or
     * while a check failure stands). A failure is logged and leaves the anchor behind the log, which the
     * check allows: the next write tries again.
     */
    void anchor(Database database) {
        if (problem != null) {
            return;
        }
        try {
            AuditAnchor.Mark last = AuditAnchor.last(database.dsl());
            if (last.event() == anchoredEvent) {
                return;
            }
            AuditAnchor.write(database.dataDir(), database.anchorKey(), last);
            anchoredEvent = last.event();
            if (!anchoredInStore) {
                database.dsl().transaction(configuration -> AuditAnchor.markAnchored(configuration.dsl()));
                anchoredInStore = true;
            }
        } catch (IOException | RuntimeException e) {
            StoreErrors.log("writing the audit anchor", e);
        }
    }

    /** What the check found wrong, or empty. */
    Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** Keeps what a later check found (a check of the whole log finds the anchor broken). */
    void found(String later) {
        if (problem == null) {
            problem = later;
        }
    }
}
