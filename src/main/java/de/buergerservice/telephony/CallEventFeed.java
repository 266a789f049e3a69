package de.buergerservice.telephony;

import java.util.List;

/**
 * The call-event log, read in order by the modules that build on it (contact records, reporting). A consumer
 * keeps the last {@code sequence} it has processed and asks for what came after; the feed only returns events
 * that are durably written, in sequence order, so a consumer that stores its position in the same transaction as
 * its own changes processes every event exactly once — also across restarts. Sequence numbers may have gaps (an
 * event the database refused is kept in the dead-letter table instead).
 *
 * <p>This is the one place outside telephony that reads the log; it is not tenant-scoped because its readers
 * store per-tenant data themselves, each row carrying its {@code tenantId}.
 */
public interface CallEventFeed {

    /** Up to {@code limit} events with a sequence above {@code afterSequence}, in sequence order. */
    List<CallEventRecord> after(long afterSequence, int limit);

    /** The events of one call, in sequence order (empty for an unknown Call-ID). */
    List<CallEventRecord> ofCall(String callId);
}
