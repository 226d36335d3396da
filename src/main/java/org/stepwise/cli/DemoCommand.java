package org.stepwise.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.stepwise.demo.DemoCaseload;
import org.stepwise.demo.DemoCaseloadGenerator;
import org.stepwise.demo.DemoPatient;
import org.stepwise.demo.DemoReferral;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.ImportCounts;
import org.stepwise.domain.caseload.PatientHistory;
import org.stepwise.domain.caseload.ReferralHistory;
import org.stepwise.domain.caseload.SettingsStore;
import org.stepwise.domain.caseload.StoreAccess;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.caseload.WrongPassphraseException;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.files.PlainFiles;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.domain.referral.Referral;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code stepwise demo --patients N [--seed S]}: fills a demonstration store with an invented caseload
 * (NHS numbers from the never-issued 999 range, fictional names and places), every referral marked
 * demo. Invented patients must never mix with a real caseload, so (issue 19, finding 7):
 * <ul>
 * <li>the data folder must be named with {@code --data-dir}: the default data folder and the one
 *     {@code STEPWISE_DATA_DIR} names are where a practitioner's real store lives, and demo never fills
 *     them (unless the folder named is one of them and already holds a demo store);</li>
 * <li>a new demo store is created only in a folder that is empty (or holds nothing but Stepwise's logs
 *     and lock file);</li>
 * <li>to an existing store it adds only if that store was made by demo (its profile says so); any other
 *     store, even an empty one, is refused, and so is a folder with only part of a store.</li>
 * </ul>
 * Exit status 0 when written, 1 when refused or failed, 2 for a usage error.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Fill a demonstration store with invented patients, referrals and contacts.")
public final class DemoCommand implements Callable<Integer> {

    /** The profile of a store the demo command creates. */
    static final PractitionerProfile DEMO_PROFILE = new PractitionerProfile("Demo Practitioner", Role.PWP, "DEMO", true);
    private static final int SERVICE_KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    @ParentCommand
    StepwiseCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--patients", required = true, paramLabel = "N",
            description = "How many patients to invent (1 to " + DemoCaseloadGenerator.MAX_PATIENTS + ").")
    int patients;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed of the invented caseload: the same seed on the same day gives the same caseload "
                    + "(default: a random seed, printed).")
    Long seed;

    @Override
    public Integer call() {
        if (patients < 1 || patients > DemoCaseloadGenerator.MAX_PATIENTS) {
            throw new UsageException("--patients is 1 to " + DemoCaseloadGenerator.MAX_PATIENTS + ".");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path folder = parent.dataFolder();
        char[] passphrase = parent.passphrase();
        StoreAccess access = parent.services().storeAccess(folder);
        long usedSeed = seed != null ? seed : RANDOM.nextLong();
        Optional<String> refused = folderRefusal(folder, access);
        if (refused.isPresent()) {
            Arrays.fill(passphrase, '\0');
            err.println(refused.get());
            return 1;
        }
        try (CaseloadStore store = access.exists() ? access.unlock(passphrase) : access.create(passphrase, DEMO_PROFILE)) {
            StoreCommand.sayRecovered(store, err);
            if (!isDemoStore(store)) {
                err.println("The store in " + PlainFiles.shown(folder) + " holds a real caseload: demo data is only "
                        + "added to a demo store. Give another data folder with --data-dir.");
                return 1;
            }
            if (store.serviceKey().isEmpty()) {
                byte[] key = new byte[SERVICE_KEY_BYTES];
                RANDOM.nextBytes(key);
                store.saveServiceKey(key, "generated");
            }
            DemoCaseload caseload = new DemoCaseloadGenerator(usedSeed, LocalDate.now()).generate(patients);
            ImportCounts counts = store.importCaseload(histories(caseload));
            out.printf("Wrote %d patients, %d referrals and %d contacts (seed %d) to the demo store in %s%n",
                    counts.patients(), counts.referrals(), counts.contacts(), usedSeed, folder);
            return 0;
        } catch (WrongPassphraseException | StoreException | IllegalArgumentException e) {
            err.println(e.getMessage());
            return 1;
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /** A demo store: one that demo made (its profile says so). A real store, even an empty one, is not. */
    static boolean isDemoStore(SettingsStore store) {
        return store.profile().demo();
    }

    /** Why demo does not write into this folder before anything is opened, or empty when it may try. */
    private Optional<String> folderRefusal(Path folder, StoreAccess access) {
        if (parent.dataDir == null) {
            return Optional.of("demo writes invented patients, so it needs its data folder named with --data-dir: "
                    + "it never fills the default data folder or the one " + DataFolders.ENV_DATA_DIR + " names, "
                    + "where a practitioner's real caseload belongs. Nothing was written.");
        }
        if (access.exists()) {
            return Optional.empty();
        }
        if (isPractitionersFolder(folder)) {
            return Optional.of("The folder " + PlainFiles.shown(folder) + " is the practitioner's data folder (the "
                    + "default one, or the one " + DataFolders.ENV_DATA_DIR + " names): demo creates no store there. "
                    + "Give another data folder with --data-dir. Nothing was written.");
        }
        List<String> others = otherFiles(folder);
        if (!others.isEmpty()) {
            return Optional.of("The folder " + PlainFiles.shown(folder) + " is not empty (it holds "
                    + PlainFiles.shown(String.join(", ", others)) + "): demo creates a store only in an empty folder. "
                    + "Give another data folder with --data-dir. Nothing was written.");
        }
        return Optional.empty();
    }

    /** Whether {@code folder} is where the practitioner's real store lives when no folder is named. */
    private boolean isPractitionersFolder(Path folder) {
        Path defaultFolder = DataFolders.resolve(null, parent.env(), System.getProperty("os.name"),
                System.getProperty("user.home"));
        return same(folder, defaultFolder) || same(folder, DataFolders.resolve(null, Map.of(),
                System.getProperty("os.name"), System.getProperty("user.home")));
    }

    private static boolean same(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) ? Files.isSameFile(a, b)
                    : a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        } catch (IOException e) {
            return true;
        }
    }

    /** The names in {@code folder} other than Stepwise's logs and lock file (up to five). */
    private static List<String> otherFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Files.exists(folder) ? List.of(folder.getFileName().toString()) : List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> !name.equals("logs") && !name.equals("store.lock"))
                    .sorted().limit(5).toList();
        } catch (IOException e) {
            return List.of(folder.getFileName().toString());
        }
    }

    /** The generated caseload as the store writes it, every referral marked demo. */
    public static List<PatientHistory> histories(DemoCaseload caseload) {
        return caseload.patients().stream().map(DemoCommand::history).toList();
    }

    private static PatientHistory history(DemoPatient patient) {
        return new PatientHistory(patient.patient(), patient.referrals().stream()
                .map(r -> new ReferralHistory(referral(r), r.contacts()))
                .toList());
    }

    private static Referral referral(DemoReferral r) {
        return r.toReferral();
    }
}
