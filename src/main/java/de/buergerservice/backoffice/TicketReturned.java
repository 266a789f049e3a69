package de.buergerservice.backoffice;

import java.time.Instant;
import java.util.UUID;

/**
 * A ticket was sent back to the ServiceCenter's first-contact queue: an agent calls the citizen back. Published in
 * the transaction of the step, for the contact module's queue.
 */
public record TicketReturned(
        UUID ticketId, UUID tenantId, UUID contactId, String citizenName, String phone, String note, Instant at) {}
