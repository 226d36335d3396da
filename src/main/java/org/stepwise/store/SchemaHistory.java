package org.stepwise.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.h2.api.ErrorCode;

/**
 * What an opened database says of its schema, read with one query of Flyway's history table: whether
 * the table is there (a file made by Stepwise), and whether every migration this version of Stepwise
 * has was applied and none failed. Only then may the unlock leave Flyway out; any other store (older,
 * newer, a failed migration) goes through Flyway as before, which migrates it or refuses it.
 */
record SchemaHistory(boolean exists, boolean failed, List<String> versions) {

    /**
     * The versions of the migrations in {@code db/migration} (their {@code V<version>__} prefixes), oldest
     * first. A new migration must be added here: {@code SchemaHistoryTest} checks the list against the scripts.
     */
    static final List<String> MIGRATIONS = List.of("1", "2", "3", "4", "5", "6");

    static SchemaHistory read(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT \"version\", \"success\" FROM \""
                        + Database.HISTORY_TABLE + "\"")) {
            List<String> versions = new ArrayList<>();
            boolean failed = false;
            while (rows.next()) {
                failed |= !rows.getBoolean(2);
                if (rows.getString(1) != null) {
                    versions.add(rows.getString(1));
                }
            }
            return new SchemaHistory(true, failed, List.copyOf(versions));
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1
                    || e.getErrorCode() == ErrorCode.TABLE_OR_VIEW_NOT_FOUND_DATABASE_EMPTY_1) {
                return new SchemaHistory(false, false, List.of());
            }
            throw e;
        }
    }

    /**
     * Whether the schema is exactly at {@code target} ("latest", or one of {@link #MIGRATIONS}): every
     * migration up to it applied, none after it, none failed. Anything else (an older store, a newer
     * one, a failed or unknown migration) is not current, and Flyway judges it.
     */
    boolean current(String target) {
        int upTo = "latest".equals(target) ? MIGRATIONS.size() : MIGRATIONS.indexOf(target) + 1;
        return exists && !failed && upTo > 0
                && versions.size() == upTo && Set.copyOf(versions).equals(Set.copyOf(MIGRATIONS.subList(0, upTo)));
    }

    /** Whether a migration newer than every one this version of Stepwise has was applied (a newer Stepwise opened it). */
    boolean newerThanThisVersion() {
        String latest = MIGRATIONS.getLast();
        return versions.stream().anyMatch(v -> compare(v, latest) > 0);
    }

    /** Compares Flyway versions part by part as numbers ("1.2" before "1.10" before "2"); a part that is not a number sorts last. */
    static int compare(String one, String other) {
        String[] a = one.split("[._]");
        String[] b = other.split("[._]");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int order = Long.compare(part(a, i), part(b, i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private static long part(String[] parts, int i) {
        if (i >= parts.length) {
            return 0;
        }
        try {
            return Long.parseLong(parts[i]);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
