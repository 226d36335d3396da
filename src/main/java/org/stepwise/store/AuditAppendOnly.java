package org.stepwise.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * The database trigger (schema V3) that refuses every UPDATE and DELETE on {@code audit_event}, so that
 * the audit log is append-only in the database itself and not only because no code changes it.
 */
public final class AuditAppendOnly implements Trigger {

    static final String REFUSED = "The audit log is append-only: its events cannot be changed or deleted.";

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException(REFUSED, "42000");
    }
}
