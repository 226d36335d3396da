package org.stepwise.exchange;

import static org.stepwise.exchange.OutcomeFiles.gad7;
import static org.stepwise.exchange.OutcomeFiles.header;
import static org.stepwise.exchange.OutcomeFiles.phq9;
import static org.stepwise.exchange.OutcomeFiles.referral;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;

/**
 * Outcome files for the review screen, the supervision pack and the pack command, beside the two of
 * {@link ReviewFixtures}: a third practitioner working at step 3, and files that are refused.
 */
public final class PackFixtures {

    static final String C = "uid-c";

    private PackFixtures() {
    }

    /**
     * Practitioner C, generated 22 Nov 2026: R8 (F32) stepped up from step 2 to 3 and reliably
     * deteriorating, not on track, no contact since July; R9 (F41.0) recovered at step 3; R10 (F32)
     * referred 21 days earlier with no contact yet; R11 (F41.1) assessed, then did not attend. Only R8
     * is flagged.
     */
    public static Path practitionerC(Path folder) {
        return OutcomeFiles.write(ReviewFixtures.sub(folder, "c"), header(C, "2026-11-22T16:30:00Z"),
                referral(8).problem("F32").referred("2026-04-20")
                        .assessment("2026-05-01", phq9(18), gad7(10))
                        .treatment("2026-05-08", phq9(17), gad7(10)).step(3)
                        .treatment("2026-06-01", phq9(16), gad7(10))
                        .treatment("2026-06-15", phq9(20), gad7(14))
                        .treatment("2026-06-29", phq9(21), gad7(14))
                        .treatment("2026-07-13", phq9(24), gad7(15)).build(),
                referral(9).problem("F41.0").step(3)
                        .assessment("2026-05-02", phq9(12), gad7(11))
                        .treatment("2026-05-10", phq9(9), gad7(7))
                        .treatment("2026-05-24", phq9(5), gad7(4)).ended("2026-05-24").build(),
                referral(10).problem("F32").referred("2026-11-01").build(),
                referral(11).referred("2026-10-20").assessment("2026-10-25", phq9(11), gad7(9))
                        .missed("2026-11-05").build()).file();
    }

    /**
     * One practitioner's file of {@code count} open referrals, each with an assessment and seven
     * treatment contacts and PHQ-9 item 9 at 1 at the last: every one is flagged (risk), for measuring
     * the review screen and the pack at size.
     */
    public static Path manyFlagged(Path folder, int count) {
        FileReferral[] referrals = new FileReferral[count];
        for (int i = 0; i < count; i++) {
            OutcomeFiles.ReferralBuilder referral = referral(1000 + i).problem(i % 3 == 0 ? "F32" : "F41.1")
                    .referred("2026-06-01").assessment("2026-06-08", phq9(16 + i % 5), gad7(14));
            for (int week = 1; week <= 6; week++) {
                referral.treatment(LocalDate.of(2026, 6, 8).plusWeeks(week).toString(),
                        phq9(16 + i % 5 - week), gad7(14 - week));
            }
            referrals[i] = referral.treatment("2026-07-27", OutcomeFiles.phq9WithRisk(9), gad7(7)).build();
        }
        return OutcomeFiles.write(ReviewFixtures.sub(folder, "many"), header(C, "2026-08-01T09:00:00Z"), referrals).file();
    }

    /** Practitioner B's file changed after export without resealing it: refused by the integrity check. */
    public static Path altered(Path folder) {
        Path file = ReviewFixtures.practitionerB(ReviewFixtures.sub(folder, "altered"));
        try {
            OutcomeFiles.edit(file, false, d -> OutcomeFiles.contactNode(d, 0, 0).put("date", "2026-04-04"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Four files that must each be refused, by the reason a supervisor is told: Practitioner B's file
     * altered after export; Practitioner A's cut off half way; C's as another format version (resealed,
     * so only the version is wrong); and a note that is not JSON. In that order.
     */
    public static List<Path> fourBroken(Path folder) {
        try {
            Path truncated = ReviewFixtures.practitionerA(ReviewFixtures.sub(folder, "truncated"));
            byte[] whole = Files.readAllBytes(truncated);
            Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
            Path otherVersion = practitionerC(ReviewFixtures.sub(folder, "version"));
            OutcomeFiles.edit(otherVersion, true, d -> d.put("formatVersion", 3));
            Path notJson = Files.writeString(ReviewFixtures.sub(folder, "note").resolve("handover.json"),
                    "Handover for supervision on Thursday.\n");
            return List.of(altered(folder), truncated, otherVersion, notJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The start of each reason {@link #fourBroken} files are refused with, in the same order. */
    public static final List<String> BROKEN_REASONS = List.of(
            "integrity check failed: the file was altered after export",
            "not JSON: the file is truncated",
            "format version 3 is not supported; this Stepwise reads versions 1 and 2",
            "not JSON: unexpected content");

    /** Practitioner A, B and C's files and an altered one: three accepted, one refused. */
    public static List<Path> fourFiles(Path folder) {
        return List.of(ReviewFixtures.practitionerA(folder), ReviewFixtures.practitionerB(folder),
                practitionerC(folder), altered(folder));
    }

    /** A copy of a valid file under a name that is not the exporter's (here a made-up person's name and number). */
    public static Path renamed(Path file, String name) {
        try {
            Path target = Files.createDirectories(file.getParent().resolveSibling("renamed")).resolve(name);
            return Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The referral pseudonym of R{id}. */
    public static String pseudonym(long id) {
        return ReviewFixtures.pseudonym(id);
    }

    public static String practitioner(String uid) {
        return ReviewFixtures.practitioner(uid);
    }

    public static String practitionerA() {
        return practitioner(ReviewFixtures.A);
    }

    public static String practitionerB() {
        return practitioner(ReviewFixtures.B);
    }

    public static String practitionerC() {
        return practitioner(C);
    }
}
