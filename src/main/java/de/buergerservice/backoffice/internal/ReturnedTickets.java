package de.buergerservice.backoffice.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import de.buergerservice.backoffice.TicketReturned;
import de.buergerservice.contact.ServiceCenterCallbacks;

/**
 * "Rückruf durch das ServiceCenter": a ticket sent back ({@link TicketReturned}) becomes a callback on the
 * ServiceCenter agents' lists, through the contact module's {@link ServiceCenterCallbacks} — the back office depends
 * on contact, so it delivers its own event there rather than contact listening to back office. After the step's
 * commit, again after a crash (event publication registry); the callback is stored once per ticket.
 */
@Component
class ReturnedTickets {

    private final ServiceCenterCallbacks callbacks;

    ReturnedTickets(ServiceCenterCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @ApplicationModuleListener
    void on(TicketReturned returned) {
        callbacks.request(new ServiceCenterCallbacks.Request(
                returned.ticketId(),
                returned.tenantId(),
                returned.contactId(),
                returned.citizenName(),
                returned.phone(),
                returned.note(),
                returned.at()));
    }
}
