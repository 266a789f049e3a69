package de.buergerservice.contact.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.buergerservice.contact.ContactDocumented;
import de.buergerservice.contact.ContactOutcome;
import de.buergerservice.contact.PastContacts;

/** {@link PastContacts}: documents a replayed call's contact in one transaction with its {@link ContactDocumented}. */
@Component
class ReplayedDocumentation implements PastContacts {

    static final String DOCUMENTED_BY = "Testphase (Simulation)";

    private final ContactStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReplayedDocumentation(ContactStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public boolean documentReplayed(String callId, ContactOutcome outcome, String category, Instant documentedAt) {
        Optional<ContactRecord> found = store.findByCallId(callId);
        if (found.isEmpty()) {
            return false;
        }
        ContactRecord c = found.get();
        if (c.state() == ContactState.DOCUMENTED) {
            return true;
        }
        ContactRecord documented = new ContactRecord(
                c.id(),
                c.tenantId(),
                c.channel(),
                c.callId(),
                c.callerNumber(),
                c.startedAt(),
                c.answeredAt(),
                c.endedAt(),
                c.waitMs(),
                c.agentId(),
                c.phoneAgentId(),
                c.transferredTo(),
                c.wrapUpEndedAt(),
                null,
                outcome == ContactOutcome.NO_CONCERN ? null : category,
                outcome == ContactOutcome.NO_CONCERN ? null : category,
                null,
                outcome,
                null,
                null,
                null,
                null,
                null,
                null,
                ContactState.DOCUMENTED,
                documentedAt,
                DOCUMENTED_BY,
                c.version(),
                c.previousContactId());
        if (!store.document(documented, clock.instant())) {
            return false; // changed meanwhile (the feed ended the call): ask again
        }
        events.publishEvent(new ContactDocumented(
                c.id(), c.tenantId(), c.channel(), c.callId(), c.agentId(), outcome, c.startedAt(), documentedAt));
        return true;
    }
}
