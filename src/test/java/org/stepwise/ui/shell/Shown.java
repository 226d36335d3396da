package org.stepwise.ui.shell;

/** The view model of the screen a shell shows, for tests that follow its moves; null while it starts. */
final class Shown {

    private Shown() {
    }

    static Object model(ShellViewModel shell) {
        return model(shell.navigation().screenProperty().get());
    }

    static Object model(Screen screen) {
        return switch (screen) {
            case Screen.Starting _ -> null;
            case Screen.FirstRun(var model) -> model;
            case Screen.Unlock(var model) -> model;
            case Screen.Caseload(var model) -> model;
            case Screen.NewReferral(var model) -> model;
            case Screen.Patient(var model) -> model;
            case Screen.Session(var model) -> model;
            case Screen.History(var model) -> model;
            case Screen.Outcomes(var model) -> model;
            case Screen.Export(var model) -> model;
            case Screen.Review(var model) -> model;
            case Screen.Audit(var model) -> model;
            case Screen.Lock(var model) -> model;
            case Screen.Settings(var model) -> model;
            case Screen.HandOver(var model) -> model;
            case Screen.AcceptHandover(var model) -> model;
        };
    }
}
