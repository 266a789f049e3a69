package de.buergerservice.contact;

import java.util.UUID;

/**
 * Contacts that arrive without an agent: the portal's contact form. The contact is stored as {@code WEB},
 * documented {@link ContactOutcome#HANDED_OFF} ({@link HandOffKind#ANSWER_BY_MAIL}) and published as
 * {@link ContactHandedOff}, so the back office of the municipality gets it as a ticket.
 */
public interface ContactIntake {

    /** The form's content, validated by the caller; {@code serviceId} and {@code departmentId} may be null. */
    record WebRequest(
            UUID tenantId,
            UUID serviceId,
            UUID departmentId,
            String citizenName,
            String email,
            String phone,
            String message) {}

    /** Stores the contact and returns its id. */
    UUID submitWebRequest(WebRequest request);
}
