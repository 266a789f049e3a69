package de.buergerservice.backoffice.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import de.buergerservice.contact.ContactHandedOff;

/**
 * Turns the contact module's hand-offs into tickets. Runs after the documenting transaction committed, in a
 * transaction of its own; the event publication registry gives it the event again if it failed or the process
 * died, and {@link Tickets#open} ignores a contact that already has its ticket.
 */
@Component
class HandOffs {

    private final Tickets tickets;

    HandOffs(Tickets tickets) {
        this.tickets = tickets;
    }

    @ApplicationModuleListener
    void on(ContactHandedOff handOff) {
        tickets.open(handOff);
    }
}
