package org.stepwise.ui.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import org.stepwise.domain.caseload.CaseloadStore;

/**
 * A store that refuses to be called on the JavaFX thread (the call throws there, so the screen that
 * made it fails) and otherwise passes every call on, noting which thread made it.
 */
public final class ThreadCheckingStore {

    private final CaseloadStore store;
    private final List<String> threads = new ArrayList<>();

    public ThreadCheckingStore(CaseloadStore wrapped) {
        InvocationHandler handler = (proxy, method, args) -> {
            boolean fx = Platform.isFxApplicationThread();
            synchronized (threads) {
                threads.add(fx ? "JavaFX" : Thread.currentThread().getName());
            }
            if (fx) {
                throw new AssertionError("The store was called on the JavaFX thread: " + method.getName());
            }
            try {
                return method.invoke(wrapped, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        store = (CaseloadStore) Proxy.newProxyInstance(CaseloadStore.class.getClassLoader(),
                new Class<?>[] {CaseloadStore.class}, handler);
    }

    /** The store to hand to the screens. */
    public CaseloadStore store() {
        return store;
    }

    /** The name of the thread of every call so far, in order ("JavaFX" for the JavaFX thread). */
    public List<String> threads() {
        synchronized (threads) {
            return List.copyOf(threads);
        }
    }
}
