package org.stepwise.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.stepwise.domain.caseload.StoreException;
import org.stepwise.domain.caseload.WrongPassphraseException;
import org.stepwise.ui.testing.InPlace;

class BackgroundRunnerTest {

    private final List<String> events = new ArrayList<>();

    @Test
    void storeWorkRunsOnOneDaemonThreadNamedDbAndItsResultComesBackThroughTheBridge() throws Exception {
        CompletableFuture<Thread> worker = new CompletableFuture<>();
        CompletableFuture<String> delivered = new CompletableFuture<>();
        List<Thread> bridgeThreads = new ArrayList<>();
        BackgroundRunner runner = BackgroundRunner.onDbThread(action -> {
            bridgeThreads.add(Thread.currentThread());
            action.run();
        });
        runner.task(() -> {
            worker.complete(Thread.currentThread());
            return "rows";
        }).onSuccess(delivered::complete).start();

        assertEquals("rows", delivered.get(10, TimeUnit.SECONDS));
        Thread db = worker.get();
        assertEquals("db", db.getName());
        assertTrue(db.isDaemon(), "the db thread must not keep the application alive");
        assertEquals(List.of(db), bridgeThreads, "the result is posted through the bridge exactly once");
        runner.shutdown();
    }

    @Test
    void aStoreFailureReachesTheFailureHandlerWithItsOwnMessage() {
        InPlace.runner().task(() -> {
            throw new StoreException("The disk is full: the referral was not saved.");
        }).whenDone(() -> events.add("done")).onSuccess(result -> events.add("success")).onFailure(events::add).start();

        assertEquals(List.of("done", "The disk is full: the referral was not saved."), events);
    }

    @Test
    void aTypedHandlerTakesItsFailureBeforeTheGeneralOne() {
        InPlace.runner().task(() -> {
            throw new WrongPassphraseException();
        }).onError(WrongPassphraseException.class, wrong -> events.add("wrong: " + wrong.getMessage()))
                .onFailure(message -> events.add("general")).start();

        assertEquals(List.of("wrong: That passphrase does not open this store."), events);
    }

    @Test
    void anUnexpectedFailureShowsAGeneralMessageThatRepeatsNothingFromTheException() {
        InPlace.runner().task(() -> {
            throw new IllegalStateException("Duplicate key SMITH 9434765919");
        }).onFailure(events::add).start();

        assertEquals(List.of(BackgroundRunner.UNEXPECTED_FAILURE), events);
    }

    @Test
    void theLoggedCopyOfAFailureKeepsTypesAndFramesButNoMessage() {
        Exception failure = new RuntimeException("wrapper for Jane Smith",
                new IllegalArgumentException("NHS number 9434765919"));

        Throwable logged = BackgroundRunner.withoutMessages(failure, 0);

        assertEquals(RuntimeException.class.getName(), logged.getMessage());
        assertEquals(IllegalArgumentException.class.getName(), logged.getCause().getMessage());
        assertEquals(failure.getStackTrace().length, logged.getStackTrace().length);
        assertNull(logged.getCause().getCause());
        for (Throwable t = logged; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains("Smith"));
            assertFalse(String.valueOf(t.getMessage()).contains("9434765919"));
        }
    }

    @Test
    void whenDoneRunsBeforeTheSuccessHandler() {
        InPlace.runner().task(() -> 3)
                .whenDone(() -> events.add("done"))
                .onSuccess(rows -> events.add("success " + rows))
                .start();

        assertEquals(List.of("done", "success 3"), events);
    }
}
