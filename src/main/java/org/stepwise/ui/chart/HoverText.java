package org.stepwise.ui.chart;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;

/**
 * What a mark of a chart (a point, the reliable-change band, a missed contact) shows when the pointer
 * rests on it. Each mark keeps only its text; its {@link Tooltip} is made and installed the first time
 * the pointer enters it, by one handler on the chart that holds the marks ({@link #showOnHover}). A
 * tooltip is a popup window with its own scene and skin, many times the cost of the mark itself, and
 * a chart of 60 contacts has some 200 marks of which a practitioner rests on a few: making them all up
 * front was most of the time the chart took to build. The tooltip shows the same text at the same
 * place, after the same delay, as one installed up front.
 */
public final class HoverText {

    /** How long the pointer rests on a mark before its text shows. */
    static final Duration SHOW_DELAY = Duration.millis(150);

    /** The key of a mark's text, then of its tooltip once made, in the mark's properties. */
    private static final Object KEY = new Object();

    private HoverText() {
    }

    /** Gives {@code mark} the text it shows when the pointer rests on it. */
    static void set(Node mark, String text) {
        mark.getProperties().put(KEY, text);
    }

    /**
     * Makes the tooltip of a mark inside {@code chart} when the pointer first enters the mark. The
     * tooltip's own handlers, installed then, show it on the pointer's next move, which comes with
     * the entry itself.
     */
    static void showOnHover(Node chart) {
        chart.addEventHandler(MouseEvent.MOUSE_ENTERED_TARGET, event -> {
            if (event.getTarget() instanceof Node mark && mark.hasProperties()
                    && mark.getProperties().get(KEY) instanceof String text) {
                Tooltip tooltip = new Tooltip(text);
                tooltip.setShowDelay(SHOW_DELAY);
                Tooltip.install(mark, tooltip);
                mark.getProperties().put(KEY, tooltip);
            }
        });
    }

    /** The text {@code mark} shows when the pointer rests on it, if it shows any. */
    public static Optional<String> of(Node mark) {
        if (!mark.hasProperties()) {
            return Optional.empty();
        }
        return switch (mark.getProperties().get(KEY)) {
            case String text -> Optional.of(text);
            case Tooltip tooltip -> Optional.of(tooltip.getText());
            case null, default -> Optional.empty();
        };
    }

    /** The tooltip made for {@code mark}, once the pointer has entered it. */
    static Optional<Tooltip> tooltip(Node mark) {
        return mark.hasProperties() && mark.getProperties().get(KEY) instanceof Tooltip tooltip
                ? Optional.of(tooltip) : Optional.empty();
    }
}
