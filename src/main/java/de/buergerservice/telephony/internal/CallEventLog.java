package de.buergerservice.telephony.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TypeMismatchDataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
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
 *
 * <p>Group commit: whoever must not act before an event is durable — the proxy before it relays an agent's 200 to
 * the caller — asks {@link #durable()} and is released when the batch holding the event is durable. On PostgreSQL
 * that is its commit. H2 keeps committed changes in memory up to its write delay (500 ms), which a kill -9 loses;
 * on an H2 file database the writer therefore appends every batch to a journal beside it ({@link CallEventJournal})
 * before inserting it, and that append is what releases the waiters — one small write per batch instead of an H2
 * store, so an answer waits for the next journal write, not for up to {@link #GROUP_COMMIT} plus a store. The
 * inserts then follow in batches of up to {@link #INSERT_DELAY}; every {@link #JOURNAL_ROTATION} the writer has H2
 * store what is committed (CHECKPOINT) and empties the journal; at start what the journal still holds is inserted
 * again (idempotent, see above) before anybody reads the log. Without a journal (it cannot be opened, or an H2
 * server / in-memory database) the writer stores H2 (CHECKPOINT) while somebody waits, at most every
 * {@link #GROUP_COMMIT}, so one store releases all answers of those milliseconds; otherwise H2 stores in its own
 * time.
 *
 * <p>A bad event never blocks the good ones: what the columns cannot hold is made to fit on the way in (a long
 * Call-ID by {@link StoredCallId}, a long detail cut), and if the database still refuses a batch, its events are
 * written one by one; an event refused on its own is logged with its content, counted
 * ({@code telephony.call_events.dead_lettered}) and kept in {@code call_event_dead_letter}. Only an unreachable
 * database makes the writer wait (and retry) — then nothing could be written anyway.
 */
@Component
public class CallEventLog implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CallEventLog.class);
    private static final int BATCH = 500;
    /** A failure seen this often on the same events is taken for a bad event, whatever the database called it. */
    private static final int ATTEMPTS_BEFORE_ISOLATING = 3;
    /** At shutdown the writer is given this long without progress (e.g. database gone) before it gives up. */
    private static final Duration STOP_WITHOUT_PROGRESS = Duration.ofSeconds(10);
    /** Longest time between two H2 stores while an answer waits: the most a caller's 200 is held up. */
    static final Duration GROUP_COMMIT = Duration.ofMillis(10);
    /** With the journal: how long journalled events may wait to be inserted together (fewer, larger commits). */
    static final Duration INSERT_DELAY = Duration.ofMillis(20);
    /** With the journal: how often H2 is made to store, after which the journal is emptied. */
    static final Duration JOURNAL_ROTATION = Duration.ofSeconds(1);
    /** JVM option {@code -D…=true}: no journal, answers wait for H2 stores as before it (for comparisons). */
    static final String NO_JOURNAL = "buergerservice.telephony.call-events.no-journal";

    static final int DETAIL_LENGTH = 300;
    private static final String INSERT = "insert into call_event (id, sequence, call_id, tenant_id, queue_id, "
            + "agent_id, type, agent_state, detail, occurred_at, actor, caller_number) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing";
    private static final String DEAD_LETTER = "insert into call_event_dead_letter (id, sequence, call_id, type, "
            + "content, error, failed_at) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing";

    private record Waiter(long target, CompletableFuture<Void> done) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    /** The writer's inserts: plain JDBC transactions (the application's JPA manager opens an EntityManager each). */
    private final TransactionTemplate writes;

    private final BlockingQueue<CallEvent> pending = new LinkedBlockingQueue<>();
    private final PriorityBlockingQueue<Waiter> waiters =
            new PriorityBlockingQueue<>(64, Comparator.comparingLong(Waiter::target));
    private final AtomicLong appended = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong durableCount = new AtomicLong();
    private final Counter deadLettered;
    private final Counter lost;
    private volatile boolean running;
    private volatile boolean h2;
    private volatile CallEventJournal journal;
    private boolean journalOpened;
    private Thread writer;

    CallEventLog(JdbcTemplate jdbc, TransactionTemplate transactions, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.writes = jdbc.getDataSource() == null
                ? transactions
                : new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        this.deadLettered = Counter.builder("telephony.call_events.dead_lettered")
                .description("call events the database refused, kept in call_event_dead_letter")
                .register(meters);
        this.lost = Counter.builder("telephony.call_events.lost")
                .description("call events still unwritten when the writer had to give up at shutdown (logged)")
                .register(meters);
        Gauge.builder("telephony.call_events.pending", pending, BlockingQueue::size)
                .description("call events waiting for the writer")
                .register(meters);
    }

    /** The highest sequence stored so far (written or dead-lettered), so numbering continues across restarts. */
    public long lastSequence() {
        openJournal();
        Long last = jdbc.queryForObject(
                "select max(s) from (select max(sequence) as s from call_event"
                        + " union all select max(sequence) as s from call_event_dead_letter) m",
                Long.class);
        return last == null ? 0 : last;
    }

    public void append(CallEvent event) {
        appended.incrementAndGet();
        pending.add(event);
    }

    /**
     * Completes once every event appended so far is durable (committed, or kept as a dead letter). Completed on
     * the writer thread: callers continue on their own executor.
     */
    public CompletableFuture<Void> durable() {
        long target = appended.get();
        if (durableCount.get() >= target) {
            return CompletableFuture.completedFuture(null);
        }
        Waiter waiter = new Waiter(target, new CompletableFuture<>());
        waiters.add(waiter);
        if (durableCount.get() >= target) { // the writer may have passed the target before the waiter was queued
            waiter.done().complete(null);
        }
        return waiter.done();
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
        openJournal();
        running = true;
        writer = new Thread(this::run, "call-event-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Drains the queue: waits as long as the writer makes progress, so a long queue is written completely; gives
     * up only when nothing was written for {@link #STOP_WITHOUT_PROGRESS} (database unreachable), and then logs
     * every unwritten event with its content.
     */
    @Override
    public void stop() {
        running = false;
        if (writer == null) {
            return;
        }
        try {
            long seen = written.get();
            long lastProgress = System.nanoTime();
            while (writer.isAlive()) {
                writer.join(100);
                long now = written.get();
                if (now != seen) {
                    seen = now;
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > STOP_WITHOUT_PROGRESS.toNanos()) {
                    writer.interrupt();
                    writer.join(1_000);
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
        long lastStore = System.nanoTime();
        long unwrittenSince = 0;
        while (running || !pending.isEmpty() || !batch.isEmpty()) {
            try {
                long wait = TimeUnit.MILLISECONDS.toNanos(100);
                if (journal != null && !batch.isEmpty()) {
                    wait = Math.max(0, unwrittenSince + INSERT_DELAY.toNanos() - System.nanoTime());
                } else if (h2 && !waiters.isEmpty() && durableCount.get() < written.get()) {
                    wait = Math.max(0, lastStore + GROUP_COMMIT.toNanos() - System.nanoTime());
                }
                CallEvent first = batch.size() >= BATCH ? null : pending.poll(wait, TimeUnit.NANOSECONDS);
                if (first != null) {
                    int from = batch.size();
                    if (from == 0) {
                        unwrittenSince = System.nanoTime();
                    }
                    batch.add(first);
                    pending.drainTo(batch, BATCH - batch.size());
                    journal(batch.subList(from, batch.size()));
                }
                if (!batch.isEmpty()
                        && (journal == null
                                || !running
                                || batch.size() >= BATCH
                                || System.nanoTime() - unwrittenSince >= INSERT_DELAY.toNanos())) {
                    write(batch);
                    written.addAndGet(batch.size());
                    batch.clear();
                }
                if (!h2) {
                    durableCount.set(written.get()); // PostgreSQL: committed is durable
                    release();
                } else if (journal != null) {
                    if (batch.isEmpty() && System.nanoTime() - lastStore >= JOURNAL_ROTATION.toNanos()) {
                        lastStore = System.nanoTime();
                        rotateJournal();
                    }
                } else if (!waiters.isEmpty()
                        && durableCount.get() < written.get()
                        && System.nanoTime() - lastStore >= GROUP_COMMIT.toNanos()) {
                    lastStore = System.nanoTime();
                    store();
                }
            } catch (InterruptedException e) {
                giveUp(batch);
                return;
            }
        }
        if (h2) {
            store();
            if (journal != null) {
                rotateJournal();
            }
        }
    }

    /**
     * Opens the journal beside an H2 file database (once, before the first sequence is read or event written) and
     * inserts what the previous run left in it: events journalled — so reported durable — whose insert H2 had not
     * yet stored when the process ended.
     */
    private synchronized void openJournal() {
        if (journalOpened) {
            return;
        }
        journalOpened = true;
        String[] database = jdbc.execute((ConnectionCallback<String[]>) c -> new String[] {
            c.getMetaData().getDatabaseProductName(), c.getMetaData().getURL()
        });
        h2 = database != null && "H2".equalsIgnoreCase(database[0]);
        Optional<Path> file = h2 && !Boolean.getBoolean(NO_JOURNAL)
                ? CallEventJournal.besideH2Database(database[1])
                : Optional.empty();
        if (file.isEmpty()) {
            return;
        }
        try {
            CallEventJournal opened = CallEventJournal.open(file.get());
            List<CallEvent> left = opened.read();
            if (!left.isEmpty()) {
                for (int i = 0; i < left.size(); i += BATCH) {
                    write(new ArrayList<>(left.subList(i, Math.min(left.size(), i + BATCH))));
                }
                checkpoint();
                log.info("{} call event(s) of the previous run written from the journal {}", left.size(), file.get());
            }
            opened.clear();
            journal = opened;
        } catch (IOException | RuntimeException e) {
            log.error(
                    "Call-event journal {} not usable; answers wait for H2 stores instead: {}",
                    file.get(),
                    e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Journals freshly taken events; once written they are durable, and who waited for them is released. */
    private void journal(List<CallEvent> events) {
        CallEventJournal current = journal;
        if (current == null) {
            return;
        }
        try {
            current.append(events);
            durableCount.addAndGet(events.size());
            release();
        } catch (IOException | RuntimeException e) {
            // the events journalled before stay in the file (inserted again at the next start); from here on the
            // answers wait for H2 stores, as without a journal
            log.error(
                    "Call-event journal {} failed, storing H2 for waiting answers instead: {}",
                    current.file(),
                    e.toString());
            journal = null;
            try {
                current.close();
            } catch (IOException ignored) {
                // closing a failed file
            }
        }
    }

    /** H2 stores what is committed — every journalled event, as none waits for its insert here — then the journal is emptied. */
    private void rotateJournal() {
        try {
            checkpoint();
            journal.clear();
        } catch (IOException | RuntimeException e) {
            log.warn("Call-event journal not emptied, retrying: {}", e.getMessage());
        }
    }

    /** H2: writes what is committed to the file, then releases who waited for it. */
    private void store() {
        long committed = written.get();
        try {
            checkpoint();
            durableCount.accumulateAndGet(committed, Math::max); // journalled events may be ahead of the inserts
            release();
        } catch (RuntimeException e) {
            log.warn("Storing call events failed, retrying: {}", e.getMessage());
        }
    }

    private void release() {
        long done = durableCount.get();
        Waiter waiter;
        while ((waiter = waiters.peek()) != null && waiter.target() <= done) {
            waiters.poll().done().complete(null);
        }
    }

    /** The database stayed unreachable during shutdown: nothing is dropped without its content in the log. */
    private void giveUp(List<CallEvent> batch) {
        List<CallEvent> left = new ArrayList<>(batch);
        pending.drainTo(left);
        for (CallEvent event : left) {
            log.error("Call event not written (database unreachable at shutdown): {}", event);
        }
        lost.increment(left.size());
    }

    private void write(List<CallEvent> batch) throws InterruptedException {
        long backoff = 50;
        for (int attempt = 1; ; attempt++) {
            try {
                insert(batch);
                return;
            } catch (RuntimeException e) {
                if (badData(e) || attempt >= ATTEMPTS_BEFORE_ISOLATING || batch.size() == 1) {
                    if (batch.size() > 1) {
                        log.warn(
                                "Writing {} call events failed, writing them one by one: {}",
                                batch.size(),
                                e.getMessage());
                    }
                    for (CallEvent event : batch) {
                        writeAlone(event, batch.size() == 1 ? e : null);
                    }
                    return;
                }
                log.warn("Writing {} call events failed, retrying in {} ms: {}", batch.size(), backoff, e.getMessage());
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    /** One event on its own: written, or — when the database refuses this event — kept as a dead letter. */
    private void writeAlone(CallEvent event, RuntimeException known) throws InterruptedException {
        long backoff = 50;
        RuntimeException failure = known;
        int failures = known == null ? 0 : 1;
        while (true) {
            if (failure == null) {
                try {
                    insert(List.of(event));
                    return;
                } catch (RuntimeException e) {
                    failure = e;
                    failures++;
                }
            }
            if ((badData(failure) || failures >= ATTEMPTS_BEFORE_ISOLATING) && deadLetter(event, failure)) {
                return;
            }
            log.warn(
                    "Writing call event {} failed, retrying in {} ms: {}",
                    event.sequence(),
                    backoff,
                    failure.getMessage());
            Thread.sleep(backoff);
            backoff = Math.min(backoff * 2, 5_000);
            failure = null;
        }
    }

    /** Whether the database refused the data itself (too long, constraint) rather than being unreachable. */
    private static boolean badData(RuntimeException e) {
        return e instanceof DataIntegrityViolationException
                || e instanceof TypeMismatchDataAccessException
                || !(e instanceof DataAccessException);
    }

    private boolean deadLetter(CallEvent event, RuntimeException failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String error = String.valueOf(cause);
        try {
            transactions.executeWithoutResult(status -> jdbc.update(DEAD_LETTER, ps -> {
                ps.setObject(1, event.id());
                ps.setLong(2, event.sequence());
                ps.setString(3, StoredCallId.of(event.callId()));
                ps.setString(4, event.type() == null ? null : event.type().name());
                ps.setString(5, event.toString());
                ps.setString(6, error.length() > 2000 ? error.substring(0, 2000) : error);
                ps.setObject(7, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
            }));
            checkpoint();
        } catch (RuntimeException e) {
            log.warn("Call event {} could not be kept as a dead letter either: {}", event.sequence(), e.getMessage());
            return false;
        }
        deadLettered.increment();
        log.error("Call event refused by the database, kept in call_event_dead_letter: {} ({})", event, error);
        return true;
    }

    private void insert(List<CallEvent> batch) {
        writes.executeWithoutResult(status -> jdbc.batchUpdate(INSERT, batch, batch.size(), (ps, e) -> {
            ps.setObject(1, e.id());
            ps.setLong(2, e.sequence());
            ps.setString(3, StoredCallId.of(e.callId()));
            uuid(ps, 4, e.tenantId());
            uuid(ps, 5, e.queueId());
            uuid(ps, 6, e.agentId());
            ps.setString(7, e.type().name());
            ps.setString(8, e.agentState() == null ? null : e.agentState().name());
            ps.setString(9, fit(e.detail()));
            ps.setObject(10, OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC));
            ps.setString(
                    11,
                    e.actor() == null || e.actor().length() <= 100
                            ? e.actor()
                            : e.actor().substring(0, 100));
            ps.setString(12, e.callerNumber()); // at most 64 characters: sip.CallerNumbers
        }));
    }

    /**
     * H2 keeps committed changes in memory for up to its write delay (500 ms) before storing them; CHECKPOINT
     * stores them now, so a commit that released a waiting answer survives a killed process. PostgreSQL's commit
     * is durable by itself.
     */
    private void checkpoint() {
        if (h2) {
            jdbc.execute("checkpoint");
        }
    }

    private static String fit(String detail) {
        return detail == null || detail.length() <= DETAIL_LENGTH
                ? detail
                : detail.substring(0, DETAIL_LENGTH - 1) + "…";
    }

    private static void uuid(PreparedStatement ps, int index, UUID value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.OTHER);
        } else {
            ps.setObject(index, value);
        }
    }
}
