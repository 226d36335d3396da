package org.stepwise.ui.snapshot;

import java.util.Objects;
import java.util.function.Function;
import javafx.scene.Parent;

/**
 * One screen that {@code stepwise snapshots} draws: the name of its picture ({@code name.png}) and
 * how to build the screen from a {@link SnapshotContext}. The builder runs on the JavaFX thread; it
 * may start store work through the context's runner (a view model's {@code load()}): the picture is
 * taken once that work and its results on the JavaFX thread are done. A screen that shows one
 * referral uses {@link SnapshotContext#referralId()} and is made with {@link #ofReferral}.
 */
public record Snapshot(String name, boolean needsReferral, Function<SnapshotContext, Parent> screen) {

    public Snapshot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(screen, "screen");
        if (!name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("A snapshot name is lower-case letters, digits and dashes: " + name);
        }
    }

    /** A screen of the whole caseload (drawn even when the store holds no referral). */
    public static Snapshot ofScreen(String name, Function<SnapshotContext, Parent> screen) {
        return new Snapshot(name, false, screen);
    }

    /** A screen of one referral, drawn for the context's sample referral (skipped when there is none). */
    public static Snapshot ofReferral(String name, Function<SnapshotContext, Parent> screen) {
        return new Snapshot(name, true, screen);
    }
}
