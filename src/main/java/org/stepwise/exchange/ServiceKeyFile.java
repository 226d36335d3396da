package org.stepwise.exchange;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.stepwise.domain.practitioner.PractitionerProfile;

/**
 * The key file that shares a service key between the practitioners of one service: a small UTF-8
 * text file of {@code name: value} lines (blank lines and lines starting with {@code #} are ignored).
 *
 * <pre>
 * # Stepwise service key. Keep this file secret: ...
 * stepwise-service-key: 1
 * service: RX1
 * fingerprint: 9c1e0f2a4b6c8d0e
 * key: 3q2+7w...base64 of the key (32 bytes or more)...
 * </pre>
 *
 * The fingerprint is checked on reading, so a damaged or mistyped copy is refused rather than
 * silently giving different pseudonyms. Messages never quote the file's content.
 */
public final class ServiceKeyFile {

    /** Larger than this is not a key file. */
    private static final int MAX_BYTES = 4096;
    private static final String VERSION = "1";

    /** What a key file holds. */
    public record Contents(String serviceCode, ServiceKey key) {
        public Contents {
            PractitionerProfile.serviceCodeProblem(serviceCode).ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
            Objects.requireNonNull(key, "key");
        }
    }

    private ServiceKeyFile() {
    }

    /** The name offered when saving a service's key: {@code stepwise-service-key-<service>.txt}. */
    public static String fileName(String serviceCode) {
        return "stepwise-service-key-" + serviceCode + ".txt";
    }

    /** The text of a key file. */
    public static String text(Contents contents) {
        return "# Stepwise service key. Keep this file secret: with it, the pseudonyms in outcome files can be\n"
                + "# linked back to patients. Import it in Stepwise on each practitioner's machine of the service,\n"
                + "# then delete copies that are no longer needed.\n"
                + "stepwise-service-key: " + VERSION + "\n"
                + "service: " + contents.serviceCode() + "\n"
                + "fingerprint: " + contents.key().fingerprint() + "\n"
                + "key: " + Base64.getEncoder().encodeToString(contents.key().bytes()) + "\n";
    }

    /**
     * Writes a key file, readable by its owner only where the file system allows it. The file appears
     * whole or not at all (a temporary file beside it, then a move).
     */
    public static void write(Path file, Contents contents) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Path temp = Files.getFileStore(folder).supportsFileAttributeView("posix")
                ? Files.createTempFile(folder, ".stepwise-key-", ".part",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(folder, ".stepwise-key-", ".part");
        try {
            Files.writeString(temp, text(contents), StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Reads a key file; throws IllegalArgumentException saying what is wrong when it is not a valid one. */
    public static Contents read(Path file) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new IllegalArgumentException("This is not a Stepwise service key file (it is too large).");
        }
        return parse(Files.readAllBytes(file));
    }

    static Contents parse(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("This is not a Stepwise service key file (it is not text).");
        }
        Map<String, String> values = new HashMap<>();
        for (String raw : text.split("\r?\n", -1)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String name = colon < 0 ? "" : line.substring(0, colon).strip();
            if (!name.matches("stepwise-service-key|service|fingerprint|key")) {
                throw new IllegalArgumentException("This is not a Stepwise service key file (unexpected line).");
            }
            if (values.put(name, line.substring(colon + 1).strip()) != null) {
                throw new IllegalArgumentException("The key file names " + name + " twice.");
            }
        }
        if (!values.containsKey("stepwise-service-key")) {
            throw new IllegalArgumentException("This is not a Stepwise service key file.");
        }
        if (!VERSION.equals(values.get("stepwise-service-key"))) {
            throw new IllegalArgumentException("This key file has a version this Stepwise does not read.");
        }
        String service = required(values, "service");
        PractitionerProfile.serviceCodeProblem(service).ifPresent(problem -> {
            throw new IllegalArgumentException("The key file's service code is not valid. " + problem);
        });
        String keyText = required(values, "key");
        byte[] keyBytes;
        try {
            keyBytes = Base64.getDecoder().decode(keyText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The key in the key file is damaged (not base64).");
        }
        if (keyBytes.length < ServiceKey.GENERATED_BYTES || keyBytes.length > ServiceKey.MAX_BYTES) {
            throw new IllegalArgumentException("The key in the key file has the wrong length (a key has 32 to 256 bytes).");
        }
        ServiceKey key = ServiceKey.of(keyBytes);
        Optional<String> fingerprint = Optional.ofNullable(values.get("fingerprint"));
        if (fingerprint.isPresent() && !fingerprint.get().equals(key.fingerprint())) {
            throw new IllegalArgumentException("The key file is damaged: its key does not match its fingerprint.");
        }
        return new Contents(service, key);
    }

    private static String required(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("The key file has no " + name + ".");
        }
        return value;
    }
}
