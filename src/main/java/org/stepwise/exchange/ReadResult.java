package org.stepwise.exchange;

import java.util.Objects;

/** What reading one outcome file gave: the whole file, accepted, or one specific reason for refusing it. */
public sealed interface ReadResult {

    /** The file passed every check; the outcomes in it are the recomputed ones. */
    record Accepted(OutcomeFile file) implements ReadResult {
        public Accepted {
            Objects.requireNonNull(file, "file");
        }
    }

    /** The file was refused and contributes nothing. The reason names fields and pseudonyms, never content. */
    record Rejected(String reason) implements ReadResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
