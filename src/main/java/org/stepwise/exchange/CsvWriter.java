package org.stepwise.exchange;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes RFC 4180 rows: fields separated by commas, rows ended by CRLF, a field quoted (with its
 * quotes doubled) when it holds a comma, a quote, a CR or an LF. A null field is written empty.
 */
final class CsvWriter {

    private final Writer out;
    private int rows;

    CsvWriter(Writer out) {
        this.out = out;
    }

    void row(List<?> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            Object field = fields.get(i);
            out.write(field == null ? "" : quoted(field.toString()));
        }
        out.write("\r\n");
        rows++;
    }

    /** Rows written, the header row included. */
    int rows() {
        return rows;
    }

    static String quoted(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\r') < 0 && field.indexOf('\n') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
