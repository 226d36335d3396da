package org.stepwise.ui.testing;

import java.util.ArrayList;
import java.util.List;
import org.stepwise.ui.common.DialogService;

/** Dialogs for view-model tests: records what would have been shown and answers confirmations as told. */
public final class RecordingDialogs implements DialogService {

    private final List<String> shown = new ArrayList<>();
    private boolean confirmAnswer;

    public void answerConfirmWith(boolean answer) {
        confirmAnswer = answer;
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel, String cancelLabel) {
        shown.add("confirm: " + title);
        return confirmAnswer;
    }

    @Override
    public void error(String title, String message) {
        shown.add("error: " + title + " / " + message);
    }

    @Override
    public void info(String title, String message) {
        shown.add("info: " + title + " / " + message);
    }

    public List<String> shown() {
        return List.copyOf(shown);
    }
}
