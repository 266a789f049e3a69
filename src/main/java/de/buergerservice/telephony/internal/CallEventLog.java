package de.buergerservice.telephony.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import de.buergerservice.telephony.internal.routing.CallEvent;

/**
 * The append-only {@code call_event} log, written by one thread in batches.
 *
 * <p>Why not one database transaction per state change: the switchboard takes hundreds of calls a second with a
 * few events each, and its state lives in memory. Each event is created under the switchboard's lock together with
 * the state change it describes and numbered by a gap-free {@code sequence}; this writer inserts the events in that
 * order, many per transaction. An event is never lost while the process lives (a failed batch is retried until it
 * is written; shutdown waits for the queue to drain) and never duplicated (its {@code id} is the primary key and
 * the insert skips rows that exist, so retrying a batch whose commit was uncertain is harmless). What a crash can
 * lose is the last fraction of a second of events — together with the in-memory calls they describe, which are
 * gone as well: the log never contradicts the state anybody saw persisted.
 */
@Component
public class CallEventLog implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CallEventLog.class);
    private static final int BATCH = 500;
    private static final String INSERT = "insert into call_event (id, sequence, call_id, tenant_id, queue_id, "
            + "agent_id, type, agent_state, detail, occurred_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "on conflict do nothing";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final BlockingQueue<CallEvent> pending = new LinkedBlockingQueue<>();
    private final AtomicLong appended = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private volatile boolean running;
    private Thread writer;

    CallEventLog(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The highest sequence written so far, so numbering continues across restarts. */
    public long lastSequence() {
        Long last = jdbc.queryForObject("select max(sequence) from call_event", Long.class);
        return last == null ? 0 : last;
    }

    public void append(CallEvent event) {
        appended.incrementAndGet();
        pending.add(event);
    }

    /** Waits until every event appended so far is in the database (tests, shutdown, benchmarks). */
    public boolean flush(Duration timeout) {
        long target = appended.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (written.get() < target) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    public long writtenCount() {
        return written.get();
    }

    @Override
    public void start() {
        running = true;
        writer = new Thread(this::run, "call-event-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void stop() {
        running = false;
        if (writer != null) {
            try {
                writer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the SIP adapter (which feeds it) has stopped. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2000;
    }

    private void run() {
        List<CallEvent> batch = new ArrayList<>(BATCH);
        while (running || !pending.isEmpty()) {
            try {
                CallEvent first = pending.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                pending.drainTo(batch, BATCH - 1);
                writeUntilDone(batch);
                written.addAndGet(batch.size());
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void writeUntilDone(List<CallEvent> batch) throws InterruptedException {
        long backoff = 50;
        while (true) {
            try {
                transactions.executeWithoutResult(status -> insert(batch));
                return;
            } catch (RuntimeException e) {
                log.warn("Writing {} call events failed, retrying in {} ms: {}", batch.size(), backoff, e.getMessage());
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    private void insert(List<CallEvent> batch) {
        jdbc.batchUpdate(INSERT, batch, batch.size(), (ps, e) -> {
            ps.setObject(1, e.id());
            ps.setLong(2, e.sequence());
            ps.setString(3, e.callId());
            uuid(ps, 4, e.tenantId());
            uuid(ps, 5, e.queueId());
            uuid(ps, 6, e.agentId());
            ps.setString(7, e.type().name());
            ps.setString(8, e.agentState() == null ? null : e.agentState().name());
            ps.setString(9, e.detail());
            ps.setObject(10, OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC));
        });
    }

    private static void uuid(PreparedStatement ps, int index, UUID value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.OTHER);
        } else {
            ps.setObject(index, value);
        }
    }
}
