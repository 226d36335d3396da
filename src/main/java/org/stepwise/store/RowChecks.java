package org.stepwise.store;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed check every row of the store carries (schema V5, ADR 0016): {@code row_check} is the HMAC-SHA256,
 * in lower-case hex, of the row's canonical form under the store's row-check key ({@code row_check_key}, 32
 * random bytes kept inside the encrypted store).
 *
 * <p>Canonical form: the table's name in upper case, then, for every column but {@code ROW_CHECK} in the
 * order of their upper-case names, U+001E, the name, U+001F and the value: {@code N} for null, else
 * {@code V} followed by the value as text (whole numbers in decimal, decimals without trailing zeros, dates
 * as {@code 2026-11-23}, times with zone as the instant and the offset in seconds, {@code 2026-11-23T09:15:00Z@0},
 * booleans as {@code true}/{@code false}, bytes in hex, text as it is). The same form is made from the values
 * the trigger is given, from a JDBC row and from a jOOQ record, so the three agree.
 */
final class RowChecks {

    /** The tables whose rows carry a check: every table of the store but the key's own and Flyway's. */
    static final List<String> TABLES = List.of("PRACTITIONER_PROFILE", "SERVICE_KEY", "APP_SETTING", "PATIENT",
            "REFERRAL", "STEP_CHANGE", "CONTACT", "SCORE", "RISK_REVIEW", "CONTACT_VERSION", "AUDIT_EVENT", "HANDOVER");
    static final String COLUMN = "ROW_CHECK";
    private static final String ALGORITHM = "HmacSHA256";

    private RowChecks() {
    }

    /** The store's row-check key, read in the caller's session; null when the store has none (before V5). */
    static byte[] key(Connection connection) throws SQLException {
        if (!hasKeyTable(connection)) {
            return null;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT key_bytes FROM row_check_key WHERE id = 1");
                ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getBytes(1) : null;
        }
    }

    private static boolean hasKeyTable(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "ROW_CHECK_KEY", null)) {
            return tables.next();
        }
    }

    /** The check of a row of {@code table}: {@code values} by upper-case column name (ROW_CHECK, if there, is left out). */
    static String check(byte[] key, String table, Map<String, Object> values) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        values.forEach((name, value) -> sorted.put(name.toUpperCase(Locale.ROOT), value));
        sorted.remove(COLUMN);
        StringBuilder canonical = new StringBuilder(table.toUpperCase(Locale.ROOT));
        sorted.forEach((name, value) -> canonical.append('\u001e').append(name).append('\u001f').append(text(value)));
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime cannot compute HMAC-SHA256.", e);
        }
    }

    /** Whether {@code stored} is the check of the row: false for a missing check. */
    static boolean matches(byte[] key, String table, Map<String, Object> values, Object stored) {
        return stored instanceof String text && text.equals(check(key, table, values));
    }

    /** A value as the canonical form writes it (see the class comment). */
    static String text(Object value) {
        return switch (value) {
            case null -> "N";
            case String s -> "V" + s;
            case BigDecimal d -> "V" + (d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
            case BigInteger i -> "V" + i;
            case Long l -> "V" + l;
            case Integer i -> "V" + i;
            case Short s -> "V" + s;
            case Byte b -> "V" + b;
            case Boolean b -> "V" + b;
            case LocalDate d -> "V" + d;
            case java.sql.Date d -> "V" + d.toLocalDate();
            case OffsetDateTime t -> "V" + t.toInstant() + "@" + t.getOffset().getTotalSeconds();
            case java.sql.Timestamp t -> "V" + t.toInstant() + "@?";
            case byte[] b -> "V" + HexFormat.of().formatHex(b);
            case Character c -> "V" + c;
            default -> "V" + value.getClass().getSimpleName() + ":" + value;
        };
    }

    /** Thrown when a whole row read does not match its check: the row is not handed on, so no value of it is shown. */
    static final class Damaged extends org.stepwise.domain.caseload.StoreException {
        private static final long serialVersionUID = 1L;

        Damaged(String kind) {
            super("A " + kind + " record in the store is damaged (it does not match its check), so it is not shown. "
                    + "Run stepwise verify to see what is affected, and restore the newest backup that verifies.");
        }
    }

    /**
     * Checks every whole row of a checked table as it is fetched (a {@code selectFrom} of the table): a row that
     * does not match its check throws {@link Damaged} before any code sees its values.
     */
    static org.jooq.ExecuteListener reader(byte[] key) {
        byte[] own = key.clone();
        return new org.jooq.ExecuteListener() {
            private static final long serialVersionUID = 1L;

            @Override
            public void recordEnd(org.jooq.ExecuteContext ctx) {
                if (!(ctx.record() instanceof org.jooq.TableRecord<?> row)) {
                    return;
                }
                String table = row.getTable().getName().toUpperCase(Locale.ROOT);
                org.jooq.Field<?> check = row.field(COLUMN);
                if (check == null || !TABLES.contains(table) || row.size() != row.getTable().fields().length) {
                    return;
                }
                Map<String, Object> values = new java.util.HashMap<>();
                for (org.jooq.Field<?> field : row.fields()) {
                    values.put(field.getName(), row.get(field));
                }
                if (!matches(own, table, values, row.get(check))) {
                    System.getLogger(RowChecks.class.getName()).log(System.Logger.Level.WARNING,
                            "A row read does not match its check: {0} {1}", table, values.get("ID"));
                    throw new Damaged(StoreIntegrity.kind(table));
                }
            }
        };
    }
}
