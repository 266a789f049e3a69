package de.buergerservice.contact;

import java.time.Instant;
import java.util.UUID;

/**
 * "Rückruf durch das ServiceCenter": the back office sends a ticket back, and the ServiceCenter's agents call the
 * citizen. A request is a callback to make on the agents' and the supervisor's lists until an agent takes it; taking
 * it opens a phone contact to document like any other, linked to the first contact. The back office calls this when
 * it consumes its own {@code TicketReturned} (the back office depends on this module, not the other way round).
 */
public interface ServiceCenterCallbacks {

    /** What the back office sends back; {@code firstContactId} is the contact the ticket came from, if any. */
    record Request(
            UUID ticketId,
            UUID tenantId,
            UUID firstContactId,
            String citizenName,
            String phone,
            String note,
            Instant at) {}

    /** Puts the callback on the lists; once per ticket (a redelivered request changes nothing). */
    void request(Request request);
}
