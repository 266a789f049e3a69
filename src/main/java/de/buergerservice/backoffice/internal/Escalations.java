package de.buergerservice.backoffice.internal;

import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Looks for overdue tickets and escalates each once per deadline ({@link Tickets#escalate}), each ticket in a
 * transaction of its own so that one failure does not hold back the others.
 */
@Component
public class Escalations {

    private static final Logger log = LoggerFactory.getLogger(Escalations.class);

    private final TicketRepository tickets;
    private final Tickets service;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Escalations(TicketRepository tickets, Tickets service, TransactionTemplate transactions, Clock clock) {
        this.tickets = tickets;
        this.service = service;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Returns how many tickets were escalated (public for tests, which run it now instead of waiting). */
    @Scheduled(
            initialDelayString = "${buergerservice.backoffice.escalation-interval:1m}",
            fixedDelayString = "${buergerservice.backoffice.escalation-interval:1m}")
    public synchronized int run() {
        int escalated = 0;
        for (UUID id : tickets.dueForEscalation(clock.instant(), Tickets.OPEN)) {
            try {
                if (Boolean.TRUE.equals(transactions.execute(status -> service.escalate(id)))) {
                    escalated++;
                }
            } catch (OptimisticLockingFailureException e) {
                // someone changed the ticket meanwhile (a step, or another instance escalating): next round decides
                log.info("Escalation of ticket {} postponed: changed concurrently", id);
            }
        }
        return escalated;
    }
}
