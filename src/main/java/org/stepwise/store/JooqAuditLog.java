package org.stepwise.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.stepwise.domain.audit.AuditAction;
import org.stepwise.domain.audit.AuditCheck;
import org.stepwise.domain.audit.AuditEvent;
import org.stepwise.domain.audit.AuditHead;
import org.stepwise.domain.audit.AuditLog;
import org.stepwise.domain.audit.AuditQuery;
import org.stepwise.domain.caseload.StoreException;

/**
 * The store's audit log ({@link AuditTrail}) as the rest of Stepwise sees it, and the events the store writes
 * on its own account (unlocks, backups). Each call is one transaction of the {@link StoreSession}. The events
 * of changes to records are written by their repositories, in the change's own transaction.
 */
final class JooqAuditLog implements AuditLog {

    private static final System.Logger LOG = System.getLogger(JooqAuditLog.class.getName());

    private final StoreSession session;

    JooqAuditLog(StoreSession session) {
        this.session = session;
    }

    @Override
    public List<AuditEvent> events(AuditQuery query) {
        if (query == null || query.backwards()) {
            throw new IllegalArgumentException("The period ends before it starts.");
        }
        return session.read("reading the audit log", "The audit log could not be read.",
                dsl -> AuditTrail.events(dsl, query));
    }

    @Override
    public AuditCheck verify() {
        return session.locked(() -> {
            AuditCheck chain = session.read("checking the audit log", "The audit log could not be checked.",
                    AuditTrail::verify);
            if (session.anchoring().problem().isEmpty()) {
                Database database = session.database();
                session.read("checking the audit anchor", "The audit log could not be checked.",
                        dsl -> AuditAnchor.problem(dsl, database.dataDir(), database.anchorKey()))
                        .ifPresent(session.anchoring()::found);
            }
            return new AuditCheck(chain.events(), chain.firstBrokenId(), session.anchoring().problem());
        });
    }

    @Override
    public AuditHead head() {
        return session.read("reading the audit log's head", "The audit log could not be read.", AuditTrail::head);
    }

    @Override
    public Optional<String> hashOf(long eventId) {
        return session.read("reading an audit event's hash", "The audit log could not be read.",
                dsl -> AuditTrail.hashOf(dsl, eventId));
    }

    @Override
    public void recordExport(String detail) {
        session.write("recording an export", "The export could not be recorded in the audit log.", dsl -> {
            session.audit(dsl, AuditAction.EXPORT, null, null, detail);
            return null;
        });
    }

    /** Records a backup written ({@code detail}: where, or which automatic one). */
    void recordBackup(String detail) {
        session.write("recording a backup", "The backup was written but could not be recorded in the audit log.",
                dsl -> {
                    session.audit(dsl, AuditAction.BACKUP, null, null, detail);
                    return null;
                });
        LOG.log(System.Logger.Level.INFO, "Wrote a backup ({0})", detail);
    }

    /** Records an unlock at the lock screen, or a refused one. */
    void recordLockScreen(boolean unlocked) {
        if (unlocked) {
            session.write("recording the unlock", "The unlock could not be recorded.", dsl -> {
                session.audit(dsl, AuditAction.UNLOCK, null, null, "lock screen");
                return null;
            });
        } else {
            session.write("recording a refused unlock", "The refused unlock could not be recorded.", dsl -> {
                session.audit(dsl, AuditAction.UNLOCK_FAILED, null, null, "lock screen");
                return null;
            });
        }
    }

    /**
     * Writes the unlock that opened this store to the audit log, after the refused unlocks noted since
     * the last one (each with its own time), in one transaction. What the file of refused unlocks held
     * that was passed over is said in the unlock's event. If the refusals cannot be written, the unlock
     * is written alone, saying so: nothing in that file can stop an unlock.
     */
    void recordUnlock(UnlockFailures.Pending refusedBefore) {
        Optional<String> note = refusedBefore.note();
        note.ifPresent(text -> LOG.log(System.Logger.Level.WARNING, "At unlock: {0}", text));
        try {
            session.write("recording the unlock", "The unlock could not be recorded.", dsl -> {
                for (Instant refused : refusedBefore.times()) {
                    AuditTrail.append(dsl, refused, AuditAction.UNLOCK_FAILED, null, null, "noted at " + refused);
                }
                session.audit(dsl, AuditAction.UNLOCK, null, null, unlockDetail(note.orElse(null)));
                return null;
            });
        } catch (StoreException e) {
            if (refusedBefore.times().isEmpty()) {
                throw e;
            }
            session.write("recording the unlock", "The unlock could not be recorded.", dsl -> {
                session.audit(dsl, AuditAction.UNLOCK, null, null,
                        unlockDetail(UnlockFailures.FILE_NAME + ": the refused unlocks in it could not be recorded"));
                return null;
            });
        }
    }

    /**
     * The unlock event's detail: the anchor finding and the note on refused unlocks, within the column's 200
     * characters.
     */
    private String unlockDetail(String refusalsNote) {
        String anchor = session.anchoring().problem().isEmpty() ? null : "the audit anchor check failed";
        String detail = anchor == null ? refusalsNote : refusalsNote == null ? anchor : anchor + "; " + refusalsNote;
        return detail == null || detail.length() <= 200 ? detail : detail.substring(0, 199) + "…";
    }
}
