package org.stepwise.domain.caseload;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Handing referrals to colleagues and accepting them (a port: the store package implements it). Each method
 * is one transaction: it completes whole or changes nothing. Refusals are {@link IllegalArgumentException}s
 * whose one-sentence message names no patient ({@link HandoverRules}); failures are {@link StoreException}s.
 * A store that cannot hand over says so.
 */
public interface HandoverStore {

    /** Writes a handover file inside the transaction that marks the referral handed over. */
    @FunctionalInterface
    interface FileWriter<T> {
        T write(HandoverContents contents);
    }

    /**
     * In one transaction: reads the open referral with this UUID whole, with its patient, as
     * {@link HandoverContents} from this store's practitioner to {@code colleague} with file id {@code fileId};
     * gives it to {@code writer} (which writes the file); and only when that returns, marks the referral handed
     * over (read-only, out of the open caseload and the outcome files) and audits it. When the writer throws,
     * nothing is changed.
     */
    default <T> T handOver(UUID referralUuid, String colleague, String fileId, FileWriter<T> writer) {
        throw new StoreException("This store cannot hand referrals over.");
    }

    /**
     * Saves an arriving referral in one transaction, with its provenance: a new one (its patient joined to a
     * stored patient with the same NHS number and date of birth, or added), or one handed over from this store
     * coming back (its history replaced by the returning one, which holds it whole, and reopened). Refused,
     * with nothing saved, for a file accepted before, a referral already open here, or another patient.
     */
    default HandoverAccepted accept(HandoverContents contents) {
        throw new StoreException("This store cannot accept handovers.");
    }

    /** Audits a refused attempt to accept a handover file, with its reason (a sentence naming no patient). */
    default void recordRefusedHandover(String reason) {
    }

    /** The referral's latest handover, or empty when it was never handed over or received. */
    default Optional<HandoverMark> handoverMark(long referralId) {
        return Optional.empty();
    }

    /** The UUIDs of the store's referrals (to find one by its outcome-file pseudonym). */
    default List<UUID> referralUuids() {
        return List.of();
    }
}
