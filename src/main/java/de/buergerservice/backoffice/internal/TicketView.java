package de.buergerservice.backoffice.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import de.buergerservice.backoffice.TicketStatus;
import de.buergerservice.contact.ContactChannel;
import de.buergerservice.contact.HandOffKind;

/**
 * A ticket as the REST API and the inbox show it. {@code tenant} is the municipality's slug, {@code department}
 * the id of the department that owns it; {@code overdue} and {@code escalated} are as of the moment of reading;
 * {@code submissionId} is set for the case of an online application (processed on its own page).
 */
public record TicketView(
        UUID id,
        String tenant,
        UUID department,
        String departmentName,
        TicketStatus status,
        HandOffKind kind,
        ContactChannel channel,
        Instant handedOffAt,
        Instant dueAt,
        boolean overdue,
        boolean escalated,
        UUID contactId,
        UUID serviceId,
        String category,
        String concern,
        String note,
        String citizenName,
        String phone,
        String email,
        String callbackWindow,
        String assignee,
        String result,
        Instant closedAt,
        List<StepView> history,
        UUID submissionId) {

    /** The concern in a few words, for subjects and lists. */
    public String concernOrCategory() {
        if (concern != null) {
            return concern.length() <= 80 ? concern : concern.substring(0, 79) + "…";
        }
        return category != null ? category : "ohne Angabe";
    }
}
