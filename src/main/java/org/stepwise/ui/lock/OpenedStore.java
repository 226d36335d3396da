package org.stepwise.ui.lock;

import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.practitioner.PractitionerProfile;

/** A store that has just been created or unlocked, with the profile of the practitioner it belongs to. */
public record OpenedStore(CaseloadStore store, PractitionerProfile profile) {
}
