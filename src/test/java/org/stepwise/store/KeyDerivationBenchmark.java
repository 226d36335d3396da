package org.stepwise.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The store key's derivation alone, as the unlock does it, in a new JVM: the figure the cold-start
 * target adds to the empty window (docs/performance.md, figure 2). Not a test: nothing here passes or
 * fails. Arguments: the data folder and the passphrase file. Prints one line,
 * {@code key derivation ms=N (DERIVATION)}: the milliseconds of reading the key settings and deriving
 * the key, cold (its classes loaded on the way, as at a start).
 */
public final class KeyDerivationBenchmark {

    private KeyDerivationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        char[] passphrase = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8).lines().findFirst().orElse("")
                .toCharArray();
        long started = System.nanoTime();
        KeySettings settings = KeySettings.read(folder);
        byte[] key = settings.unlock(passphrase);
        long millis = (System.nanoTime() - started) / 1_000_000;
        Arrays.fill(key, (byte) 0);
        Arrays.fill(passphrase, '\0');
        System.out.println(String.format(Locale.ROOT, "key derivation ms=%d (%s)", millis, settings.derivation()));
    }
}
