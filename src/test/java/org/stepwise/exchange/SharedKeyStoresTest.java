package org.stepwise.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.caseload.CaseloadRow;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.practitioner.PractitionerProfile;
import org.stepwise.domain.practitioner.Role;
import org.stepwise.ui.testing.InMemoryCaseloadStore;

/**
 * Two practitioners of one service share its key and, as happens, see the same patients, and their
 * stores number referrals alike (row 1, row 2, ...). Their outcome files give no referral pseudonym to
 * two referrals (format 2 makes it from each referral's UUID), give the same patient the same patient
 * pseudonym, and a review of both counts every referral of both. Made from row numbers, as format 1
 * did, the referral pseudonyms would have collided.
 */
class SharedKeyStoresTest {

    private static final MeasureCatalogue CATALOGUE = MeasureCatalogue.standard();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @TempDir
    Path folder;

    private static InMemoryCaseloadStore store(String name, ServiceKey key) {
        InMemoryCaseloadStore store = new InMemoryCaseloadStore(new PractitionerProfile(name, Role.PWP, "RX1", false));
        DemoStores.write(store, DemoStores.caseload(5, 30, TODAY));
        store.saveServiceKey(key.bytes(), name.startsWith("A") ? "generated" : "imported");
        return store;
    }

    @Test
    void noReferralPseudonymIsSharedTheSamePatientHasOneAndTheReviewCountsEveryReferral() throws IOException {
        ServiceKey key = ServiceKey.generate();
        InMemoryCaseloadStore a = store("Alex Practitioner", key);
        InMemoryCaseloadStore b = store("Bea Practitioner", key);
        ExportPeriod period = ExportPeriod.financialYearContaining(TODAY);
        Path fileA = new OutcomeExport(a, CATALOGUE, CLOCK).writeJson(Files.createDirectories(folder.resolve("a")),
                period, OutcomeExport.Progress.NONE).written().file();
        Path fileB = new OutcomeExport(b, CATALOGUE, CLOCK).writeJson(Files.createDirectories(folder.resolve("b")),
                period, OutcomeExport.Progress.NONE).written().file();

        Set<String> referralsA = members(fileA, "pseudonym");
        Set<String> referralsB = members(fileB, "pseudonym");
        assertTrue(referralsA.size() > 10, "the period holds referrals to compare");
        Set<String> shared = new HashSet<>(referralsA);
        shared.retainAll(referralsB);
        assertEquals(Set.of(), shared, "no referral pseudonym names two referrals");
        assertEquals(members(fileA, "patientPseudonym"), members(fileB, "patientPseudonym"),
                "the same patients (same NHS numbers) have the same patient pseudonyms in both files");

        Review review = new ReviewService(CATALOGUE, key).review(List.of(fileA, fileB));
        assertEquals(List.of(), review.refused());
        assertEquals(referralsA.size() + referralsB.size(), review.overall().referrals(), "every referral of both");
        assertEquals(2, review.byPractitioner().size());

        // Made from the row numbers, as format 1 made them, the two stores' pseudonyms were the same.
        assertEquals(rowPseudonyms(a, key), rowPseudonyms(b, key));
    }

    private static Set<String> members(Path file, String member) throws IOException {
        Set<String> values = new HashSet<>();
        for (JsonNode referral : OutcomeFiles.tree(file).get("referrals")) {
            values.add(referral.get(member).textValue());
        }
        return values;
    }

    /** {@code r_} + HMAC-SHA256(key, "referral:" + row id), format 1's pseudonym, for every referral of the store. */
    private static Set<String> rowPseudonyms(InMemoryCaseloadStore store, ServiceKey key) {
        Set<String> pseudonyms = new HashSet<>();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.bytes(), "HmacSHA256"));
            for (CaseloadRow row : store.caseload()) {
                byte[] hash = mac.doFinal(("referral:" + row.referralId()).getBytes(StandardCharsets.UTF_8));
                pseudonyms.add("r_" + HexFormat.of().formatHex(hash, 0, 8));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return pseudonyms;
    }
}
