package org.stepwise.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.stepwise.domain.audit.AuditCheck;
import org.stepwise.domain.caseload.IntegrityReport;

/**
 * A check of the whole store (ADR 0016): every row of every table against its keyed check ({@link RowChecks}),
 * the audit log's chain ({@link AuditTrail#verify}) and, for an open store, its anchor. It reads every page
 * the rows are on, so a page that cannot be decrypted is found too. What it reports names the kind of record
 * and its internal number, never a value.
 */
final class StoreIntegrity {

    /** At most this many lines are reported per table; the rest are counted. */
    static final int LINES_PER_TABLE = 20;

    private StoreIntegrity() {
    }

    /** The kind of record of a table, in the words the report uses. */
    static String kind(String table) {
        return switch (table.toUpperCase(Locale.ROOT)) {
            case "PRACTITIONER_PROFILE" -> "practitioner profile";
            case "SERVICE_KEY" -> "service key";
            case "APP_SETTING" -> "setting";
            case "STEP_CHANGE" -> "step change";
            case "RISK_REVIEW" -> "risk review";
            case "CONTACT_VERSION" -> "earlier contact version";
            case "AUDIT_EVENT" -> "audit event";
            default -> table.toLowerCase(Locale.ROOT);
        };
    }

    /** Checks every row and the audit chain, in the caller's session; {@code anchorProblem} is added when given. */
    static IntegrityReport check(DSLContext dsl, Optional<String> anchorProblem) {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> affected = new LinkedHashMap<>();
        dsl.connection(connection -> rows(connection, problems, affected));
        try {
            AuditCheck chain = AuditTrail.verify(dsl);
            chain.firstBrokenId().ifPresent(id -> {
                problems.add("audit log: the chain is broken at event " + id
                        + " (that event or the one before it was changed or removed)");
                affected.merge("audit log", 1, Integer::sum);
            });
        } catch (RuntimeException e) {
            StoreErrors.log("checking the audit chain", e);
            problems.add("audit log: it cannot be read whole");
            affected.merge("audit log", 1, Integer::sum);
        }
        anchorProblem.ifPresent(problem -> {
            problems.add("audit anchor: " + problem);
            affected.merge("audit log", 1, Integer::sum);
        });
        return new IntegrityReport(problems, affected, Optional.empty());
    }

    /** Checks every row of every checked table against its check. */
    static void rows(Connection connection, List<String> problems, Map<String, Integer> affected) throws SQLException {
        byte[] key;
        try {
            key = RowChecks.key(connection);
        } catch (SQLException | RuntimeException e) {
            StoreErrors.log("reading the row-check key", e);
            problems.add("row checks: the key they are made with cannot be read");
            affected.merge("row-check key", 1, Integer::sum);
            return;
        }
        if (key == null) {
            problems.add("row checks: the store has no key for them");
            affected.merge("row-check key", 1, Integer::sum);
            return;
        }
        for (String table : RowChecks.TABLES) {
            table(connection, key, table, problems, affected);
        }
    }

    private static void table(Connection connection, byte[] key, String table, List<String> problems,
            Map<String, Integer> affected) {
        String kind = kind(table);
        int failed = 0;
        try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM " + table);
                ResultSet rows = statement.executeQuery()) {
            ResultSetMetaData meta = rows.getMetaData();
            int idColumn = -1;
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                if (meta.getColumnLabel(i).equalsIgnoreCase("ID")) {
                    idColumn = i;
                }
            }
            long rowNumber = 0;
            while (rows.next()) {
                rowNumber++;
                Map<String, Object> values = new HashMap<>();
                Object stored = null;
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String name = meta.getColumnLabel(i).toUpperCase(Locale.ROOT);
                    Object value = rows.getObject(i);
                    if (name.equals(RowChecks.COLUMN)) {
                        stored = value;
                    } else {
                        values.put(name, value);
                    }
                }
                if (!RowChecks.matches(key, table, values, stored)) {
                    failed++;
                    if (failed <= LINES_PER_TABLE) {
                        String which = idColumn > 0 && values.get("ID") != null ? kind + " " + values.get("ID")
                                : kind + " (row " + rowNumber + " of its table)";
                        problems.add(which + ": does not match its check (damaged)");
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            StoreErrors.log("checking the rows of a table", e);
            problems.add(kind + " records: the table cannot be read whole (damaged)");
            failed = Math.max(failed, 1);
        }
        if (failed > LINES_PER_TABLE) {
            problems.add(kind + ": " + (failed - LINES_PER_TABLE) + " more records do not match their checks");
        }
        if (failed > 0) {
            affected.merge(kind, failed, Integer::sum);
        }
    }
}
