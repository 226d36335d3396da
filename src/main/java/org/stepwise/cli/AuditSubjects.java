package org.stepwise.cli;

import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stepwise.domain.audit.AuditEvent;
import org.stepwise.domain.caseload.CaseloadStore;
import org.stepwise.domain.caseload.StoredReferral;
import org.stepwise.domain.contact.Contact;
import org.stepwise.domain.referral.Referral;
import org.stepwise.exchange.Pseudonymiser;
import org.stepwise.exchange.ServiceKey;

/**
 * What an audit event's subject is, in words a practitioner recognises, for {@code audit list}: a referral
 * by its pseudonym ({@code r_…}, as the outcome file and the supervision pack name it, and as the caseload's
 * Find takes it; without a service key, by its referral date) and its referral date, a contact by its date and
 * type and its referral, a patient by their referral; the internal number only beside those, or for a record
 * no longer in the store. No name, NHS number or date of birth: the list may be kept or passed on. Read once
 * (the referrals in chunks, as the export reads them; nothing is audited as viewed).
 */
final class AuditSubjects {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final int CHUNK = 500;

    private final Map<Long, Referral> referrals = new HashMap<>();
    private final Map<Long, Long> latestReferralOfPatient = new HashMap<>();
    private final Map<Long, Contact> contacts = new HashMap<>();
    private final Optional<Pseudonymiser> pseudonyms;

    AuditSubjects(CaseloadStore store) {
        pseudonyms = store.serviceKey().map(bytes -> {
            try {
                return ServiceKey.of(bytes).pseudonymiser();
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        });
        long after = 0;
        while (true) {
            List<StoredReferral> chunk = store.referralsAfter(after, CHUNK);
            if (chunk.isEmpty()) {
                break;
            }
            for (StoredReferral stored : chunk) {
                Referral referral = stored.referral();
                referrals.put(referral.id(), referral);
                latestReferralOfPatient.merge(referral.patientId(), referral.id(),
                        (one, other) -> referrals.get(one).referralDate().isAfter(referrals.get(other).referralDate())
                                ? one : other);
                stored.contacts().forEach(contact -> contacts.put(contact.id(), contact));
            }
            after = chunk.getLast().id();
        }
    }

    /** The subject of {@code event} in words. */
    String describe(AuditEvent event) {
        if (event.entity() == null) {
            return "the store";
        }
        Long id = event.entityId();
        return switch (event.entity()) {
            case "store" -> "the store";
            case "service_key" -> "the service key";
            case "setting" -> "a setting";
            case "practitioner_names" -> "your names for practitioner pseudonyms";
            case "referral" -> id == null ? "a referral" : referral(id);
            case "contact" -> id == null ? "a contact" : contact(id);
            case "patient" -> id == null ? "a patient" : patient(id);
            default -> event.record();
        };
    }

    private String referral(long id) {
        Referral referral = referrals.get(id);
        if (referral == null) {
            return "referral no. " + id + " (no longer in the store)";
        }
        return referralWords(referral);
    }

    private String referralWords(Referral referral) {
        String date = DATE.format(referral.referralDate());
        return pseudonyms.map(p -> "referral " + p.referral(referral.uuid()) + " (referred " + date + ")")
                .orElse("referral of " + date + " (no. " + referral.id() + ")");
    }

    private String contact(long id) {
        Contact contact = contacts.get(id);
        if (contact == null) {
            return "contact no. " + id + " (no longer in the store)";
        }
        return contact.type().label().toLowerCase(java.util.Locale.ROOT) + " contact of "
                + DATE.format(contact.date()) + " in " + referral(contact.referralId());
    }

    private String patient(long id) {
        Long referral = latestReferralOfPatient.get(id);
        return referral == null ? "patient no. " + id + " (no referral in the store)"
                : "the patient of " + referral(referral);
    }
}
