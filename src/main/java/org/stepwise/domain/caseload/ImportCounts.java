package org.stepwise.domain.caseload;

/**
 * What {@link PatientStore#importCaseload} wrote: patients added (a patient already stored under the
 * same NHS number is not counted), referrals and contacts.
 */
public record ImportCounts(int patients, int referrals, int contacts) {
}
