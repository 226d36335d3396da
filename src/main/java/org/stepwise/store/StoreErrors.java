package org.stepwise.store;

import java.lang.System.Logger.Level;
import java.sql.SQLException;
import org.h2.api.ErrorCode;
import org.stepwise.domain.caseload.StoreException;

/**
 * Turns database failures into {@link StoreException}s a practitioner can read. H2 and jOOQ messages
 * echo SQL values (names, NHS numbers), so no text of theirs is ever kept: the new exception carries a
 * fixed message and no cause, and the log gets the exception class, SQL state and error code only.
 */
final class StoreErrors {

    static final String WRITE_FAILED =
            "The store could not be written: the disk is full or the data folder is read-only. Nothing was saved.";
    static final String NOT_ACCEPTED = "A value is missing, too long or not one the store accepts.";
    static final String STOPPED = "The store stopped after an earlier error. Close Stepwise and open it again.";

    private static final System.Logger LOG = System.getLogger(StoreErrors.class.getName());

    private StoreErrors() {
    }

    /**
     * The exception to throw for a failure while doing {@code action}. {@code failure} is the plain
     * sentence used when nothing more specific can be said (for example "The referral was not saved.").
     */
    static StoreException translate(String action, String failure, Throwable e) {
        log(action, e);
        SQLException sql = sqlCause(e);
        if (sql == null) {
            return new StoreException(failure);
        }
        return switch (sql.getErrorCode()) {
            case ErrorCode.IO_EXCEPTION_1, ErrorCode.IO_EXCEPTION_2, ErrorCode.DATABASE_IS_READ_ONLY,
                 ErrorCode.FILE_CREATION_FAILED_1, ErrorCode.FILE_RENAME_FAILED_2,
                 ErrorCode.FILE_DELETE_FAILED_1 -> new StoreException(WRITE_FAILED);
            case ErrorCode.DATABASE_IS_CLOSED -> new StoreException(STOPPED);
            // H2 reports a failed write of its file (a full or failing disk) as a general error whose
            // cause is the operating system's IOException.
            case ErrorCode.GENERAL_ERROR_1 -> hasIoCause(e) ? new StoreException(WRITE_FAILED) : new StoreException(failure);
            default -> isRefusedValue(sql)
                    ? new StoreException(failure + " " + NOT_ACCEPTED)
                    : new StoreException(failure);
        };
    }

    /** Logs what failed with the exception's class, SQL state and error code, never its message. */
    static void log(String action, Throwable e) {
        SQLException sql = sqlCause(e);
        if (sql == null) {
            LOG.log(Level.WARNING, "Store failure while {0}: {1}", action, e.getClass().getName());
        } else {
            LOG.log(Level.WARNING, "Store failure while {0}: {1} (SQL state {2}, error code {3})",
                    action, e.getClass().getName(), sql.getSQLState(), String.valueOf(sql.getErrorCode()));
        }
    }

    /** The first SQLException in the cause chain, or null. */
    static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    private static boolean hasIoCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    /** Integrity constraint violations (class 23) and data exceptions (class 22, e.g. a value too long). */
    private static boolean isRefusedValue(SQLException sql) {
        String state = sql.getSQLState();
        return state != null && (state.startsWith("23") || state.startsWith("22"));
    }
}
