package org.stepwise.ui.snapshot;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.Parent;
import org.stepwise.domain.audit.AuditCheck;
import org.stepwise.domain.audit.AuditHead;
import org.stepwise.domain.audit.AuditEvent;
import org.stepwise.domain.audit.AuditLog;
import org.stepwise.domain.audit.AuditQuery;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.exchange.ExportPeriod;
import org.stepwise.exchange.OutcomeExport;
import org.stepwise.ui.common.FileChooserService;
import org.stepwise.ui.review.ReviewView;
import org.stepwise.ui.review.ReviewViewModel;

/**
 * The review screen as a snapshot: the store's own outcome file of this financial year, exported
 * (pseudonymised, with the store's service key) into a temporary folder on the snapshot's store
 * thread, then opened in the review. The file is removed when the program ends. A store with no
 * service key shows the empty review. The sample is a picture, not an export: it is not recorded in the
 * store's audit log as one (issue 19, finding 10), since nothing leaves the machine.
 */
final class ReviewSample {

    private ReviewSample() {
    }

    static Parent screen(SnapshotContext context) {
        ReviewViewModel model = new ReviewViewModel(context.catalogue(), context.runner(), FileChooserService.NONE,
                context.clock(), () -> { });
        // As in the app once unlocked: the file is checked with the store's service key.
        CaseloadStore store = context.store();
        model.useStoreKey(() -> store.serviceKey().map(bytes -> {
            try {
                return org.stepwise.exchange.ServiceKey.of(bytes);
            } finally {
                java.util.Arrays.fill(bytes, (byte) 0);
            }
        }));
        model.useStoreNames(new ReviewViewModel.NamesStore() {
            @Override
            public org.stepwise.domain.practitioner.PractitionerNames read() {
                return store.practitionerNames();
            }

            @Override
            public void save(org.stepwise.domain.practitioner.PractitionerNames names) {
                store.savePractitionerNames(names);
            }
        });
        context.runner().task(() -> exportOf(context))
                .onSuccess(model::add)
                .start();
        return new ReviewView(model).root();
    }

    private static List<Path> exportOf(SnapshotContext context) throws IOException {
        OutcomeExport export = new OutcomeExport(unaudited(context.store()), context.catalogue(), context.clock());
        if (export.serviceKey().isEmpty()) {
            return List.of();
        }
        Path folder = Files.createTempDirectory("stepwise-review-snapshot");
        folder.toFile().deleteOnExit();
        Path file = export.writeJson(folder, ExportPeriod.financialYearContaining(LocalDate.now(context.clock())),
                (done, total) -> { }).written().file();
        file.toFile().deleteOnExit();
        return List.of(file);
    }

    /** The store as the sample's export sees it: the same in every way, except that it records no export. */
    static CaseloadStore unaudited(CaseloadStore store) {
        AuditLog log = store.audit();
        AuditLog withoutExports = new AuditLog() {
            @Override
            public List<AuditEvent> events(AuditQuery query) {
                return log.events(query);
            }

            @Override
            public AuditCheck verify() {
                return log.verify();
            }

            @Override
            public AuditHead head() {
                return log.head();
            }

            @Override
            public java.util.Optional<String> hashOf(long eventId) {
                return log.hashOf(eventId);
            }

            @Override
            public void recordExport(String detail) {
                // A snapshot's sample file is drawn and removed: nothing was exported.
            }
        };
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("audit") && method.getParameterCount() == 0) {
                return withoutExports;
            }
            try {
                return method.invoke(store, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (CaseloadStore) Proxy.newProxyInstance(CaseloadStore.class.getClassLoader(),
                new Class<?>[] {CaseloadStore.class}, handler);
    }
}
