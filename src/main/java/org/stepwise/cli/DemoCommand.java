package org.stepwise.cli;

import java.io.PrintWriter;
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
import org.stepwise.domain.caseload.CaseloadRow;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.ImportCounts;
import org.stepwise.domain.caseload.PatientHistory;
import org.stepwise.domain.caseload.ReferralHistory;
import org.stepwise.domain.caseload.StoreAccess;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.caseload.WrongPassphraseException;
import org.stepwise.domain.practitioner.PractitionerProfile;
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
 * demo. On a data folder with no store it creates one with the demo practitioner profile and a new
 * service key; to an existing store it adds only if that store is a demo store, and refuses a real
 * caseload. Exit status 0 when written, 1 when refused or failed, 2 for a usage error.
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
        try (CaseloadStore store = access.exists() ? access.unlock(passphrase) : access.create(passphrase, DEMO_PROFILE)) {
            if (!isDemoStore(store)) {
                err.println("The store in " + folder + " holds a real caseload: demo data is only added to a demo "
                        + "store. Give another data folder with --data-dir.");
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

    /** A demo store: its profile says so, or every referral in it is demo data (an empty store too). */
    static boolean isDemoStore(CaseloadStore store) {
        return store.profile().demo() || store.caseload().stream()
                .map(CaseloadRow::patientId)
                .distinct()
                .flatMap(patientId -> store.referralsOf(patientId).stream())
                .allMatch(Referral::demo);
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
        return new Referral(null, 0, r.referral().referralDate(), r.referral().source(),
                r.referral().problemDescriptor(), r.status(), r.endDate(), r.endReason(), r.steps(), true);
    }
}
