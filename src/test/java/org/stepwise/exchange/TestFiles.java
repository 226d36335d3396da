package org.stepwise.exchange;

import static org.stepwise.exchange.OutcomeFiles.gad7;
import static org.stepwise.exchange.OutcomeFiles.header;
import static org.stepwise.exchange.OutcomeFiles.phq9;
import static org.stepwise.exchange.OutcomeFiles.referral;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.Score;

/** Outcome files for tests outside this package (the commands): built here with the test key. */
public final class TestFiles {

    private TestFiles() {
    }

    /** The service key every fixture file is sealed with. */
    public static ServiceKey key() {
        return OutcomeFiles.KEY;
    }

    /**
     * A copy of {@code file} (a format-2 file) as the previous Stepwise would have written it: format 1,
     * with no audit head and no MAC. The copy goes beside it, named {@code format1-} and its name.
     */
    public static Path format1Copy(Path file) {
        try {
            Path copy = java.nio.file.Files.copy(file, file.resolveSibling("format1-" + file.getFileName()));
            return OutcomeFiles.toFormat1(copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One open referral waiting since 1 July 2026, in a file whose period is {@code start} to {@code end}. */
    public static Path waitingReferral(Path folder, String start, String end) {
        return OutcomeFiles.write(ReviewFixtures.sub(folder, "waiting"),
                header("uid-w", "2026-11-23T09:00:00Z", start, end),
                referral(31).referred("2026-07-01").assessment("2026-07-08", phq9(14), gad7(11)).build()).file();
    }

    /** A valid file of another service: sealed, and its pseudonyms made, with another key. */
    public static Path sealedWithAnotherKey(Path folder) {
        Path file = OutcomeFiles.write(ReviewFixtures.sub(folder, "other"), header("uid-o", "2026-11-23T09:00:00Z"),
                referral(32).referred("2026-07-01").assessment("2026-07-08", phq9(14), gad7(11)).build()).file();
        ServiceKey other = ServiceKey.of(new byte[32]);
        try {
            OutcomeFiles.edit(file, false, document -> {
                ((com.fasterxml.jackson.databind.node.ObjectNode) document.get("pseudonymisation")).put("keyFingerprint", other.fingerprint());
                OutcomeFiles.reseal(document);
                ((com.fasterxml.jackson.databind.node.ObjectNode) document.get("integrity")).put("mac", OutcomeFiles.seal(document, other).mac().orElseThrow());
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * A finished PTSD course measured with the IES-R, a measure only {@link ServiceTables}' table
     * defines (as that table's PTSD measure): recovered by that table's rules.
     */
    public static Path withServiceMeasure(Path folder) {
        MeasureCatalogue service = ServiceTables.withIesrAndBdd();
        FileReferral ptsd = referral(33).problem("F43.1")
                .assessment("2026-04-10", phq9(15), iesr(service, 2))
                .treatment("2026-04-20", phq9(8), iesr(service, 1))
                .treatment("2026-05-01", phq9(6), iesr(service, 1))
                .ended("2026-05-01").build(service);
        return OutcomeFiles.write(service, ReviewFixtures.sub(folder, "iesr"), header("uid-p", "2026-11-23T09:00:00Z"),
                ptsd).file();
    }

    private static Score iesr(MeasureCatalogue table, int each) {
        Integer[] items = new Integer[22];
        Arrays.fill(items, each);
        return new Score(table.code("IESR").orElseThrow(), BigDecimal.valueOf(22L * each), Arrays.asList(items));
    }

    /**
     * A service's files for its corridor file: practitioner A's ({@code uid-ca}, 23 November) and B's
     * ({@code uid-cb}, 30 November) exports of 40 ended referrals that started PHQ-9 moderate (12) and
     * GAD-7 mild (9), with PHQ-9 {@code i % 20} and GAD-7 5 at treatment contact 1. Referrals 10 to 19
     * are in both files (handed over); B's later copies, with PHQ-9 27 at contact 1, count. So PHQ-9
     * at contact 1 is 0..9, 27 x 10, 0..19 (n 40) and the service code is {@code service}.
     */
    public static List<Path> corridorService(Path folder, String service) {
        List<FileReferral> a = new ArrayList<>();
        List<FileReferral> b = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            FileReferral referral = corridorReferral(100 + i, i % 20);
            if (i < 20) {
                a.add(referral);
            }
            if (i >= 10 && i < 20) {
                b.add(corridorReferral(100 + i, 27));
            } else if (i >= 20) {
                b.add(referral);
            }
        }
        return List.of(
                OutcomeFiles.write(ReviewFixtures.sub(folder, "corridor-a-" + service), serviceHeader(service, "uid-ca",
                        "2026-11-23T09:00:00Z"), a.toArray(FileReferral[]::new)).file(),
                OutcomeFiles.write(ReviewFixtures.sub(folder, "corridor-b-" + service), serviceHeader(service, "uid-cb",
                        "2026-11-30T09:00:00Z"), b.toArray(FileReferral[]::new)).file());
    }

    private static FileReferral corridorReferral(long id, int phq9AtFirstTreatment) {
        return referral(id).assessment("2026-04-10", phq9(12), gad7(9))
                .treatment("2026-04-20", phq9(phq9AtFirstTreatment), gad7(5))
                .treatment("2026-05-04", phq9(6), gad7(4)).ended("2026-05-04").build();
    }

    private static FileHeader serviceHeader(String service, String uid, String generatedAt) {
        FileHeader rx1 = header(uid, generatedAt);
        return new FileHeader(rx1.generatedAt(), rx1.generator(), rx1.periodStart(), rx1.periodEnd(), service,
                rx1.practitionerPseudonym(), rx1.practitionerRole(), rx1.keyFingerprint(), rx1.auditHead());
    }
}
