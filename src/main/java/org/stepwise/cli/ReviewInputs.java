package org.stepwise.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.StoreAccess;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.caseload.WrongPassphraseException;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.exchange.Authenticity;
import org.stepwise.exchange.Review;
import org.stepwise.exchange.ServiceKey;
import org.stepwise.exchange.ServiceKeyFile;

/**
 * What {@code review} and {@code pack} read besides the files: the measure table of the data folder
 * ({@code --data-dir}, else {@code STEPWISE_DATA_DIR}, else the system's data folder, as the window
 * uses it: the service's {@code measures.tsv} there, else the bundled table), and the service key that
 * checks each format-2 file's MAC.
 *
 * <p>The key comes from {@code --service-key FILE} (a key file, as the Export screen saves it); else,
 * when the data folder is named ({@code --data-dir} or {@code STEPWISE_DATA_DIR}), a passphrase is given
 * ({@code --passphrase-file} or {@code STEPWISE_PASSPHRASE}) and the folder holds a store, from that
 * store, which is unlocked to read it and closed again; else there is none, and the review says plainly
 * on standard error that authenticity was not checked. (The system's default data folder is not opened
 * unasked: a review reads files, and opening a store is an unlock in its audit log.) A key that was
 * asked for but cannot be had (an unreadable key file, a passphrase that does not open the store) is a
 * usage error: the review does not quietly go on without the check it was asked for.
 */
final class ReviewInputs {

    /** A service key and where it came from, in words. */
    record Key(ServiceKey key, String source) {
    }

    private ReviewInputs() {
    }

    /** The measure table in force for the data folder. */
    static MeasureCatalogue catalogue(StepwiseCommand parent) {
        return parent.services().catalogue(parent.dataFolder());
    }

    /** The service key to check MACs with, if any; a {@link UsageException} when one was asked for and cannot be had. */
    static Optional<Key> serviceKey(StepwiseCommand parent, Path keyFile) {
        if (keyFile != null) {
            try {
                ServiceKeyFile.Contents contents = ServiceKeyFile.read(keyFile);
                return Optional.of(new Key(contents.key(), "the key file " + keyFile.getFileName() + " (service "
                        + contents.serviceCode() + ", key " + contents.key().fingerprint() + ")"));
            } catch (NoSuchFileException e) {
                throw new UsageException("The service key file does not exist: " + keyFile);
            } catch (IOException e) {
                throw new UsageException("The service key file cannot be read: " + keyFile);
            } catch (IllegalArgumentException e) {
                throw new UsageException("The service key file cannot be used: " + e.getMessage());
            }
        }
        if (!dataFolderNamed(parent) || !passphraseGiven(parent)) {
            return Optional.empty();
        }
        Path folder = parent.dataFolder();
        StoreAccess access = parent.services().storeAccess(folder);
        if (!access.exists()) {
            return Optional.empty();
        }
        char[] passphrase = parent.passphrase();
        try (CaseloadStore store = access.unlock(passphrase)) {
            Optional<byte[]> bytes = store.serviceKey();
            if (bytes.isEmpty()) {
                return Optional.empty();
            }
            ServiceKey key = ServiceKey.of(bytes.get());
            Arrays.fill(bytes.get(), (byte) 0);
            return Optional.of(new Key(key, "the store in " + folder + " (key " + key.fingerprint() + ")"));
        } catch (WrongPassphraseException e) {
            throw new UsageException("The passphrase does not open the store in " + folder + ", so its service key "
                    + "cannot check the files. Give the key with --service-key FILE, or no passphrase to review "
                    + "without checking authenticity.");
        } catch (StoreException e) {
            throw new UsageException("The store in " + folder + " cannot be opened to read its service key ("
                    + e.getMessage() + "). Give the key with --service-key FILE.");
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    private static boolean dataFolderNamed(StepwiseCommand parent) {
        String fromEnv = parent.env().get(DataFolders.ENV_DATA_DIR);
        return parent.dataDir != null || fromEnv != null && !fromEnv.isBlank();
    }

    private static boolean passphraseGiven(StepwiseCommand parent) {
        String fromEnv = parent.env().get(Passphrases.ENV_PASSPHRASE);
        return parent.passphraseFile != null || fromEnv != null && !fromEnv.isEmpty();
    }

    /**
     * Says on {@code err} which accepted files' authenticity was not checked and why, or, when every
     * file was checked, with which key. Nothing when no file was read.
     */
    static void authenticity(Review review, Optional<Key> key, PrintWriter err) {
        if (review.accepted().isEmpty()) {
            return;
        }
        for (String line : authenticityLines(review, key)) {
            err.println("note: " + line);
        }
    }

    /** The authenticity of the files read, in plain sentences. */
    static List<String> authenticityLines(Review review, Optional<Key> key) {
        List<Review.AcceptedFile> unchecked = review.notAuthenticated();
        long format1 = unchecked.stream().filter(f -> f.authenticity() == Authenticity.NOT_CHECKED_FORMAT_1).count();
        long noKey = unchecked.size() - format1;
        long checked = review.accepted().size() - unchecked.size();
        List<String> lines = new java.util.ArrayList<>();
        if (checked > 0) {
            lines.add("authenticity checked for " + files(checked) + " with " + key.orElseThrow().source()
                    + ": written with this service's key.");
        }
        if (noKey > 0) {
            lines.add("authenticity NOT checked for " + files(noKey) + ": no service key was given (--service-key "
                    + "FILE, or --data-dir with the passphrase of the store there). Their digests show them unchanged "
                    + "since they were sealed, not who sealed them.");
        }
        if (format1 > 0) {
            lines.add("authenticity NOT checked for " + files(format1) + " of format 1, which carries no MAC; "
                    + "their digests show the referrals unchanged since export, not who wrote them.");
        }
        return lines;
    }

    private static String files(long count) {
        return count + (count == 1 ? " file" : " files");
    }
}
