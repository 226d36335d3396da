package org.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stepwise.store.StoreFixtures.PROFILE;
import static org.stepwise.store.StoreFixtures.access;
import static org.stepwise.store.StoreFixtures.passphrase;
import static org.stepwise.store.StoreFixtures.patient;
import static org.stepwise.store.StoreFixtures.referral;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.contact.Contact;

/**
 * The crash test: a child JVM saves contacts in a loop and prints each save once it is acknowledged;
 * it is killed with SIGKILL ({@code destroyForcibly}) at a random point, at least 20 times. After each
 * kill the store is reopened here and every acknowledged save must be there, whole (date and every
 * item). The figures are printed.
 */
class CrashTest {

    static final int KILLS = 20;
    private static final long SEED = 20261123L;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedSaveSurvivesSigkillAtRandomPoints() throws Exception {
        long referralId;
        try (CaseloadStore store = access(dir).create(passphrase(), PROFILE)) {
            referralId = store.createReferral(patient(), referral(LocalDate.now().minusDays(60), 2)).referralId();
        }
        Random random = new Random(SEED);
        Map<Long, Long> acknowledged = new LinkedHashMap<>();
        int kills = 0;
        for (int round = 0; round < KILLS; round++) {
            Process child = StoreProcessTest.child(dir, "write-loop", Long.toString(referralId));
            int waitFor = 1 + random.nextInt(12);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (int seen = 0; seen < waitFor; seen++) {
                    String line = out.readLine();
                    assertNotNull(line, "the writer stopped before it was killed");
                    String[] parts = line.split(" ");
                    acknowledged.put(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
                }
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
                kills++;
                // Lines the child wrote after the last one read here are not counted: killing the child
                // closes the pipe, so only the saves read before the kill are known to be acknowledged.
            }
            checkEveryAcknowledgedSaveIsWhole(referralId, acknowledged);
        }
        int found;
        try (CaseloadStore store = access(dir).unlock(passphrase())) {
            found = store.contacts(referralId).size();
            assertTrue(store.audit().verify().intact(), "the audit chain survives the kills too");
        }
        System.out.printf("Crash test: %d kills, %d saves acknowledged, %d saves found (all acknowledged ones whole)%n",
                kills, acknowledged.size(), found);
        assertEquals(KILLS, kills);
        assertTrue(found >= acknowledged.size());
    }

    private void checkEveryAcknowledgedSaveIsWhole(long referralId, Map<Long, Long> acknowledged) throws Exception {
        try (CaseloadStore store = access(dir).unlock(passphrase())) {
            Map<Long, Contact> stored = store.contacts(referralId).stream()
                    .collect(Collectors.toMap(Contact::id, Function.identity()));
            for (Map.Entry<Long, Long> save : acknowledged.entrySet()) {
                Contact contact = stored.get(save.getKey());
                assertNotNull(contact, "acknowledged save " + save.getKey() + " is missing");
                Contact expected = StoreChildProcess.crashContact(referralId, save.getValue());
                assertEquals(expected.date(), contact.date());
                assertEquals(List.copyOf(StoreChildProcess.crashItems(save.getValue())),
                        contact.scores().getFirst().items(), "the items of save " + save.getKey());
            }
        }
    }
}
