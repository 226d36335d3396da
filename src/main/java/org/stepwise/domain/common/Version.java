package org.stepwise.domain.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this build, as written by the build into a bundled resource. */
public final class Version {

    private static final String VERSION = read();

    private Version() {
    }

    /** For example {@code 0.1.0}. */
    public static String number() {
        return VERSION;
    }

    /** For example {@code Stepwise 0.1.0}: the generator named in outcome files. */
    public static String product() {
        return "Stepwise " + VERSION;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
