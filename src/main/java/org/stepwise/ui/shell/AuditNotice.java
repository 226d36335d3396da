package org.stepwise.ui.shell;

/**
 * What the window says when the unlock's check of the audit log against its anchor found a problem
 * (see docs/security.md): what was found, that the caseload itself is unchanged by the finding, and
 * whom to tell. The finding's clause names no patient and no path.
 */
final class AuditNotice {

    private AuditNotice() {
    }

    /** The strip's text under the header, while the store is open. */
    static String banner(String finding) {
        return "The audit log's check at unlock found a problem: " + finding + ". Your caseload is open as "
                + "usual. Tell whoever looks after your service's records; the Audit log shows the finding.";
    }
}
