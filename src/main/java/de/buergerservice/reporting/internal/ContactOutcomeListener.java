package de.buergerservice.reporting.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import de.buergerservice.contact.ContactDocumented;

/**
 * Keeps each documented contact's outcome for first-contact resolution: the contact module publishes
 * {@link ContactDocumented} in its documenting transaction, and the event publication registry delivers it here
 * after commit (again after a crash). A later documentation of the same contact replaces the earlier outcome.
 */
@Component
class ContactOutcomeListener {

    private final KpiStore store;

    ContactOutcomeListener(KpiStore store) {
        this.store = store;
    }

    @ApplicationModuleListener
    void on(ContactDocumented event) {
        store.documented(
                event.contactId(),
                event.tenantId(),
                event.channel().name(),
                event.agentId(),
                event.outcome(),
                event.startedAt() == null ? event.documentedAt() : event.startedAt(),
                event.documentedAt());
    }
}
