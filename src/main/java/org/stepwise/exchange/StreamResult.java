package org.stepwise.exchange;

import java.util.List;
import java.util.Objects;

/**
 * What reading one outcome file a referral at a time gave: the file verified, with its header, counts,
 * warnings and whether its authenticity was checked (its referrals went to the receiver as they were read); or one reason for refusing it,
 * the same as {@link OutcomeFileReader#read(java.nio.file.Path)} gives.
 */
public sealed interface StreamResult {

    /** Every check passed; the receiver's referrals may be used. */
    record Verified(FileHeader header, int referrals, int contacts, int scores, List<String> warnings,
            Authenticity authenticity) implements StreamResult {
        public Verified {
            Objects.requireNonNull(header, "header");
            warnings = List.copyOf(warnings);
            Objects.requireNonNull(authenticity, "authenticity");
        }
    }

    /** The file was refused: whatever the receiver was given of it must be dropped. */
    record Refused(String reason) implements StreamResult {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
