package de.buergerservice.reporting.internal;

import java.util.Collection;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import de.buergerservice.reporting.KpiEvent;
import de.buergerservice.reporting.KpiFold;
import de.buergerservice.shared.Schedulers;
import de.buergerservice.telephony.CallEventFeed;
import de.buergerservice.telephony.CallEventRecord;

/**
 * Keeps the interval aggregates up to date from telephony's {@link CallEventFeed}: reads the events after its
 * stored position, folds them with the KPI core (continuing from the stored open state) and, in one transaction,
 * adds the counters, stores the open state and the new position — so every event is counted exactly once, also
 * across crashes and restarts. The position row is locked for the transaction, so two instances never fold the
 * same events.
 */
@Component
public class KpiAggregator {

    private static final Logger log = LoggerFactory.getLogger(KpiAggregator.class);

    private final CallEventFeed feed;
    private final KpiStore store;
    private final TransactionTemplate tx;
    private final int batchSize;

    /** The fold's open state as committed with {@code committedPosition}; null when unknown (start, failure). */
    private Committed committed;

    private Committed pending;

    private record Committed(
            long position, Collection<KpiFold.OpenCall> calls, Collection<KpiFold.AgentClock> clocks) {}

    KpiAggregator(
            CallEventFeed feed,
            KpiStore store,
            TransactionTemplate tx,
            @Value("${buergerservice.reporting.batch-size:5000}") int batchSize) {
        this.feed = feed;
        this.store = store;
        this.tx = tx;
        this.batchSize = batchSize;
    }

    @Scheduled(
            fixedDelayString = "${buergerservice.reporting.poll-interval:1s}",
            initialDelayString = "${buergerservice.reporting.poll-interval:1s}",
            scheduler = Schedulers.REPORTING_FEED)
    void poll() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            log.warn("Reporting aggregates could not be updated; retried at the next poll", e);
        }
    }

    /** Folds everything the feed has after the stored position; returns the number of events folded. */
    public synchronized long catchUp() {
        long total = 0;
        while (true) {
            Integer folded;
            Committed next = null;
            try {
                folded = tx.execute(status -> step());
                next = pending;
            } finally {
                // only a committed batch's state may be continued from; after a failure it is read again
                committed = next;
                pending = null;
            }
            if (folded == null || folded == 0) {
                return total;
            }
            total += folded;
        }
    }

    private int step() {
        pending = committed;
        long position = store.lockPosition();
        List<CallEventRecord> events = feed.after(position, batchSize);
        if (events.isEmpty()) {
            return 0;
        }
        // the open state is kept from the last committed batch (read again only if another instance folded since)
        Committed before = committed != null && committed.position() == position ? committed : null;
        KpiFold fold = before == null ? store.loadFold() : new KpiFold(before.calls(), before.clocks());
        Collection<KpiFold.OpenCall> storedCalls = before == null ? fold.openCalls() : before.calls();
        Collection<KpiFold.AgentClock> storedClocks = before == null ? fold.agentClocks() : before.clocks();
        for (CallEventRecord event : events) {
            fold.accept(KpiEvent.of(event));
        }
        store.add(fold.drain());
        store.saveFold(fold, storedCalls, storedClocks);
        long last = events.get(events.size() - 1).sequence();
        store.savePosition(last);
        pending = new Committed(last, fold.openCalls(), fold.agentClocks());
        return events.size();
    }

    /** Forgets the aggregates and folds the whole log again (also the check that they are no second truth). */
    public synchronized long rebuild() {
        committed = null;
        tx.executeWithoutResult(status -> {
            store.lockPosition();
            store.clear();
        });
        return catchUp();
    }

    /** The position the aggregates have reached. */
    public long position() {
        Long p = tx.execute(status -> store.lockPosition());
        return p == null ? 0 : p;
    }
}
