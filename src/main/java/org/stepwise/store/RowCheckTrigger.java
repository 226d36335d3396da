package org.stepwise.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.h2.api.Trigger;

/**
 * The database trigger (schema V5) that writes every row's keyed check ({@link RowChecks}) before the row is
 * inserted or updated, in the same statement and so the same transaction as the change, whatever code makes
 * it. It reads the table's columns and the store's row-check key on its first use, in the session that fires it.
 */
public final class RowCheckTrigger implements Trigger {

    private String schema;
    private String table;
    private List<String> columns;
    private int checkColumn = -1;
    private byte[] key;

    @Override
    public void init(Connection connection, String schemaName, String triggerName, String tableName, boolean before,
            int type) {
        this.schema = schemaName;
        this.table = tableName;
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (newRow == null) {
            return;
        }
        if (columns == null) {
            columns = columns(connection);
            checkColumn = columns.indexOf(RowChecks.COLUMN);
        }
        if (key == null) {
            key = RowChecks.key(connection);
        }
        if (key == null || checkColumn < 0 || newRow.length != columns.size()) {
            throw new SQLException("The store's row checks are not set up: the row was not written.", "42000");
        }
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < newRow.length; i++) {
            values.put(columns.get(i), newRow[i]);
        }
        newRow[checkColumn] = RowChecks.check(key, table, values);
    }

    private List<String> columns(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getColumns(null, schema, table, null)) {
            while (rows.next()) {
                names.add(rows.getString("COLUMN_NAME"));
            }
        }
        return names;
    }

    @Override
    public void close() {
        if (key != null) {
            Arrays.fill(key, (byte) 0);
        }
    }
}
