package org.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stepwise.domain.caseload.StoreException;

class StoreErrorsTest {

    /** What H2 messages look like: they repeat the SQL and its values. */
    private static final String H2_TEXT = "Value too long for column \"GIVEN_NAME\": \"'Zebedee Quillfeather 9990000018'\"";
    private static final String FAILURE = "The referral was not saved.";

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("disk full (IO error)", sql("90028", 90028), StoreErrors.WRITE_FAILED),
                Arguments.of("IO error with two parts", sql("90031", 90031), StoreErrors.WRITE_FAILED),
                Arguments.of("read-only database", sql("90097", 90097), StoreErrors.WRITE_FAILED),
                Arguments.of("file could not be created", sql("90062", 90062), StoreErrors.WRITE_FAILED),
                Arguments.of("database closed after a failure", sql("90098", 90098), StoreErrors.STOPPED),
                Arguments.of("check constraint", sql("23513", 23513), FAILURE + " " + StoreErrors.NOT_ACCEPTED),
                Arguments.of("duplicate key", sql("23505", 23505), FAILURE + " " + StoreErrors.NOT_ACCEPTED),
                Arguments.of("null not allowed", sql("23502", 23502), FAILURE + " " + StoreErrors.NOT_ACCEPTED),
                Arguments.of("value too long", sql("22001", 22001), FAILURE + " " + StoreErrors.NOT_ACCEPTED),
                Arguments.of("syntax error", sql("42000", 42000), FAILURE),
                Arguments.of("jOOQ wrapping H2", new DataAccessException("SQL [insert ...]; " + H2_TEXT,
                        sql("90028", 90028)), StoreErrors.WRITE_FAILED),
                Arguments.of("not a database error", new IllegalStateException(H2_TEXT), FAILURE),
                Arguments.of("file error", new AccessDeniedException(H2_TEXT), FAILURE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void failuresBecomePlainMessagesWithNoTextFromTheDatabase(String why, Throwable failure, String expected) {
        try (LogCapture logs = new LogCapture()) {
            StoreException e = StoreErrors.translate("creating a referral", FAILURE, failure);

            assertEquals(expected, e.getMessage());
            assertNull(e.getCause());
            assertTrue(logs.text().contains("Store failure while creating a referral: " + failure.getClass().getName()),
                    logs::text);
            JooqCaseloadStoreTest.assertNoIdentifier(logs.text());
        }
    }

    private static SQLException sql(String state, int code) {
        return new SQLException(H2_TEXT, state, code, new IOException(H2_TEXT));
    }
}
