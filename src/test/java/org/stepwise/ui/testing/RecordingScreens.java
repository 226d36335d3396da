package org.stepwise.ui.testing;

import java.util.function.Consumer;
import org.stepwise.ui.patient.ContactHistoryViewModel;
import org.stepwise.ui.patient.PatientScreens;
import org.stepwise.ui.patient.PatientViewModel;
import org.stepwise.ui.session.SessionViewModel;

/** Patient screens for tests: every screen the patient screen opens goes, as its view model, to one consumer. */
public final class RecordingScreens {

    private RecordingScreens() {
    }

    public static PatientScreens into(Consumer<Object> shown) {
        return new PatientScreens() {
            @Override
            public void patient(PatientViewModel patient) {
                shown.accept(patient);
            }

            @Override
            public void session(SessionViewModel session) {
                shown.accept(session);
            }

            @Override
            public void history(ContactHistoryViewModel history) {
                shown.accept(history);
            }
        };
    }
}
