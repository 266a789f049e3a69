package de.buergerservice.reporting.internal;

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
            scheduler = Schedulers.FEED_CONSUMERS)
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
            Integer folded = tx.execute(status -> step());
            if (folded == null || folded == 0) {
                return total;
            }
            total += folded;
        }
    }

    private int step() {
        long position = store.lockPosition();
        List<CallEventRecord> events = feed.after(position, batchSize);
        if (events.isEmpty()) {
            return 0;
        }
        KpiFold fold = store.loadFold();
        for (CallEventRecord event : events) {
            fold.accept(KpiEvent.of(event));
        }
        store.add(fold.drain());
        store.saveFold(fold);
        store.savePosition(events.get(events.size() - 1).sequence());
        return events.size();
    }

    /** Forgets the aggregates and folds the whole log again (also the check that they are no second truth). */
    public synchronized long rebuild() {
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
