package org.stepwise.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.stepwise.domain.caseload.SettingsStore;
import org.stepwise.exchange.ServiceKey;
import org.stepwise.exchange.ServiceKeyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code stepwise service-key export FILE} and {@code stepwise service-key import FILE [--replace]}: the
 * service's pseudonymisation key shared as a key file ({@link ServiceKeyFile}, as the Export screen
 * writes and reads it), so that every practitioner of a service makes the same pseudonyms. Importing
 * never replaces a different key unless asked with {@code --replace}, and says first what replacing means.
 */
@Command(name = "service-key", mixinStandardHelpOptions = true,
        description = {"Share the service's pseudonymisation key: export it to a key file, or import the key file "
                + "your service gave you.",
                "Keep key files secret: with one, the pseudonyms in outcome files can be linked back to patients."},
        subcommands = {ServiceKeyCommand.Export.class, ServiceKeyCommand.Import.class})
public final class ServiceKeyCommand extends CommandBase.Group {

    /** What replacing a service key means, said before it is done and when it has been. */
    static final String REPLACING = "Replacing the key changes pseudonyms: outcome files already written with the "
            + "old key will not match the pseudonyms of files written from now on (the same patient and referral "
            + "get other n_ and r_ pseudonyms), nor those of colleagues who keep the old key; and files are sealed "
            + "(their integrity MAC) with the key in use, so files written before will no longer check as written "
            + "with this service's key.";

    @ParentCommand
    StepwiseCommand parent;

    /** Writes the key in use to a new key file, readable by its owner only, whole or not at all. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the service key in use to FILE (a new file, readable by you only), to give to the "
                    + "service's other practitioners.")
    static final class Export extends CommandBase {

        @ParentCommand
        ServiceKeyCommand serviceKey;

        @Parameters(paramLabel = "FILE", description = "The key file to write (must not exist).")
        Path file;

        @Override
        public Integer call() {
            PrintWriter out = out(), err = err();
            Path target = file.toAbsolutePath();
            if (Files.exists(target)) {
                err.println("There is already a file at " + target + ": choose a new name.");
                return 1;
            }
            return StoreCommand.withStore(serviceKey.parent, err, store -> {
                Optional<ServiceKey> key = store.serviceKey().map(ServiceKey::of);
                if (key.isEmpty()) {
                    err.println("This store has no service key yet: import your service's key file "
                            + "(stepwise service-key import FILE), or make one on the Export screen.");
                    return 1;
                }
                String service = store.profile().serviceCode();
                try {
                    ServiceKeyFile.write(target, new ServiceKeyFile.Contents(service, key.get()));
                } catch (IOException e) {
                    err.println("The key file could not be written (" + e.getClass().getSimpleName() + ").");
                    return 1;
                }
                store.audit().recordExport("service key file, fingerprint " + key.get().fingerprint());
                out.printf("Wrote the service key of service %s (fingerprint %s) to %s.%nKeep the file secret: give "
                        + "it only to your service's practitioners, and delete copies no longer needed.%n", service,
                        key.get().fingerprint(), target);
                out.flush();
                return 0;
            });
        }
    }

    /** Stores the key of a key file; a different key in use is replaced only with {@code --replace}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Use the service key in FILE (a key file from your service, or from 'service-key export').",
                    "A different key already in use is replaced only with --replace. " + REPLACING})
    static final class Import extends CommandBase {

        @ParentCommand
        ServiceKeyCommand serviceKey;

        @Parameters(paramLabel = "FILE", description = "The key file to read.")
        Path file;

        @Option(names = "--replace", description = "Replace a different service key already in use.")
        boolean replace;

        @Override
        public Integer call() {
            PrintWriter out = out(), err = err();
            ServiceKeyFile.Contents contents;
            try {
                contents = ServiceKeyFile.read(file);
            } catch (IllegalArgumentException refused) {
                err.println(refused.getMessage());
                return 1;
            } catch (IOException e) {
                err.println("The key file could not be read (" + e.getClass().getSimpleName() + ").");
                return 1;
            }
            return StoreCommand.withStore(serviceKey.parent, err, store -> save(store, contents, out, err));
        }

        private int save(SettingsStore store, ServiceKeyFile.Contents contents, PrintWriter out, PrintWriter err) {
            ServiceKey key = contents.key();
            String service = store.profile().serviceCode();
            if (!contents.serviceCode().equals(service)) {
                err.println("This key file is for service " + contents.serviceCode() + ", and this caseload's service is "
                        + service + ". Ask your service for its own key file. Nothing was changed.");
                return 1;
            }
            Optional<ServiceKey> inUse = store.serviceKey().map(ServiceKey::of);
            if (inUse.filter(key::equals).isPresent()) {
                out.println("This key is already in use (fingerprint " + key.fingerprint() + "). Nothing was changed.");
                return 0;
            }
            if (inUse.isPresent() && !replace) {
                err.println("This store already uses a different service key (fingerprint " + inUse.get().fingerprint()
                        + "); the file's key has fingerprint " + key.fingerprint() + ". Nothing was changed. "
                        + REPLACING + " To replace it, run the command again with --replace.");
                return 1;
            }
            store.saveServiceKey(key.bytes(), "imported");
            out.println("Imported the service key of service " + service + " (fingerprint " + key.fingerprint() + ").");
            if (inUse.isPresent()) {
                out.println("It replaced the key with fingerprint " + inUse.get().fingerprint() + ". " + REPLACING);
            }
            out.flush();
            return 0;
        }
    }
}
