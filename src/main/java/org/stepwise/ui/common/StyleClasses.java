package org.stepwise.ui.common;

import java.util.List;
import javafx.scene.Node;

/** Style class changes that leave a node alone when it is right already. */
public final class StyleClasses {

    private StyleClasses() {
    }

    /**
     * Gives {@code node} the style class {@code wanted} (none if null) in place of any other starting
     * with {@code prefix}, and leaves its classes alone when they are right already: a table cell shows
     * another line at each keystroke of a find field, and a changed class makes the node's style be
     * worked out again.
     */
    public static void swap(Node node, String prefix, String wanted) {
        List<String> classes = node.getStyleClass();
        boolean right = wanted == null || classes.contains(wanted);
        for (String style : classes) {
            right &= !style.startsWith(prefix) || style.equals(wanted);
        }
        if (!right) {
            classes.removeIf(style -> style.startsWith(prefix));
            if (wanted != null) {
                classes.add(wanted);
            }
        }
    }
}
