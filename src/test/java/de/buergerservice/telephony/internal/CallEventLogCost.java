package de.buergerservice.telephony.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import de.buergerservice.telephony.AgentState;
import de.buergerservice.telephony.CallEventType;
import de.buergerservice.telephony.internal.routing.CallEvent;

/**
 * Not a test (no surefire name pattern): the call-event log alone on a fresh H2 file database, fed as the SIP
 * benchmark's calls feed it — per call 5 events, a wait for {@link CallEventLog#durable()} (the answer), 5 more
 * events — at a fixed rate. Prints the CPU the log costs per call (its writer and H2's own threads, and the whole
 * JVM) and how long the answer waited. CPU time per call is the figure to compare on a shared machine; the wait
 * depends on the load. Arguments: calls/s (300), measured s (20), warm-up s (10). {@code
 * -Dbuergerservice.telephony.call-events.no-journal=true} runs the log without its journal (an H2 store per group
 * of answers, as before issue 11's second round).
 */
public final class CallEventLogCost {

    private CallEventLogCost() {}

    public static void main(String[] args) throws Exception {
        double rate = args.length > 0 ? Double.parseDouble(args[0]) : 300;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path dir = Files.createTempDirectory("event-log-cost");
        HikariDataSource data = new HikariDataSource();
        data.setJdbcUrl("jdbc:h2:file:" + dir.resolve("db/buergerservice")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        data.setUsername("sa");
        data.setPassword("");
        Flyway.configure()
                .dataSource(data)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        JdbcTemplate jdbc = new JdbcTemplate(data);
        CallEventLog log = new CallEventLog(
                jdbc, new TransactionTemplate(new DataSourceTransactionManager(data)), new SimpleMeterRegistry());
        long sequence = log.lastSequence();
        log.start();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long period = (long) (1e9 / rate);
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmUp);
        long end = measureFrom + TimeUnit.SECONDS.toNanos(measured);
        List<Long> waits = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger calls = new AtomicInteger();
        double[] before = null;
        UUID tenant = UUID.randomUUID();
        UUID queue = UUID.randomUUID();
        for (long n = 0; ; n++) {
            long due = start + n * period;
            if (due >= end) {
                break;
            }
            long sleep = due - System.nanoTime();
            if (sleep > 0) {
                TimeUnit.NANOSECONDS.sleep(sleep);
            }
            if (before == null && due >= measureFrom) {
                before = cpu(threads, os);
                calls.set(0);
            }
            String callId = "cost-" + n + "@127.0.0.1";
            UUID agent = UUID.randomUUID();
            for (CallEventType type :
                    List.of(CallEventType.CALL_OFFERED, CallEventType.QUEUED, CallEventType.AGENT_RINGING)) {
                log.append(event(++sequence, callId, tenant, queue, null, type, null));
            }
            log.append(event(
                    ++sequence, callId, tenant, queue, agent, CallEventType.AGENT_STATE_CHANGED, AgentState.RINGING));
            log.append(event(++sequence, callId, tenant, queue, agent, CallEventType.ANSWERED, null));
            long asked = System.nanoTime();
            boolean counted = due >= measureFrom;
            log.durable().thenRun(() -> {
                if (counted) {
                    waits.add(System.nanoTime() - asked);
                }
            });
            log.append(event(
                    ++sequence, callId, tenant, queue, agent, CallEventType.AGENT_STATE_CHANGED, AgentState.TALKING));
            log.append(event(++sequence, callId, tenant, queue, agent, CallEventType.ENDED, null));
            log.append(event(
                    ++sequence, callId, tenant, queue, agent, CallEventType.AGENT_STATE_CHANGED, AgentState.AVAILABLE));
            log.append(event(++sequence, callId, tenant, queue, null, CallEventType.QUEUED, null));
            log.append(event(++sequence, callId, tenant, queue, null, CallEventType.CALL_OFFERED, null));
            calls.incrementAndGet();
        }
        log.flush(java.time.Duration.ofSeconds(60));
        double[] after = cpu(threads, os);
        log.stop();
        int n = calls.get();
        List<Long> sorted = new ArrayList<>(waits);
        sorted.sort(null);
        System.out.printf(
                Locale.ROOT,
                "EVENTLOG %s %.0f calls/s, %d calls measured: writer %.3f ms/call, H2 threads %.3f ms/call, whole JVM"
                        + " %.3f ms/call; allocated by writer %.1f KB/call, by H2 threads %.1f KB/call; answer waited p50 %.2f / p99 %.2f / max %.2f ms; loadavg %s%n",
                Boolean.getBoolean(CallEventLog.NO_JOURNAL) ? "no-journal" : "journal",
                rate,
                n,
                1000 * (after[0] - before[0]) / n,
                1000 * (after[1] - before[1]) / n,
                1000 * (after[2] - before[2]) / n,
                (after[3] - before[3]) / 1024 / n,
                (after[4] - before[4]) / 1024 / n,
                percentile(sorted, 50),
                percentile(sorted, 99),
                percentile(sorted, 100),
                Files.readString(Path.of("/proc/loadavg")).strip());
        jdbc.execute("shutdown");
        data.close();
    }

    private static CallEvent event(
            long sequence, String callId, UUID tenant, UUID queue, UUID agent, CallEventType type, AgentState state) {
        Instant at = Instant.now();
        long millis = at.toEpochMilli() & 0xFFFF_FFFF_FFFFL;
        UUID id = new UUID( // time-ordered as the switchboard's ids (EventIds)
                millis << 16 | 0x7000L | (ThreadLocalRandom.current().nextInt() & 0x0FFF),
                ThreadLocalRandom.current().nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L);
        return new CallEvent(id, sequence, callId, tenant, queue, agent, type, state, "position=1", at);
    }

    /** Seconds of CPU: the writer thread, H2's threads, the whole JVM; then bytes allocated by writer and H2 threads. */
    private static double[] cpu(ThreadMXBean threads, com.sun.management.OperatingSystemMXBean os) {
        var allocation = (com.sun.management.ThreadMXBean) threads;
        double writer = 0;
        double h2 = 0;
        double writerBytes = 0;
        double h2Bytes = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long nanos = threads.getThreadCpuTime(info.getThreadId());
            long bytes = allocation.getThreadAllocatedBytes(info.getThreadId());
            if (info.getThreadName().equals("call-event-writer")) {
                writer += nanos / 1e9;
                writerBytes += bytes;
            } else if (info.getThreadName().startsWith("H2")
                    || info.getThreadName().startsWith("MVStore")) {
                h2 += nanos / 1e9;
                h2Bytes += bytes;
            }
        }
        return new double[] {writer, h2, os.getProcessCpuTime() / 1e9, writerBytes, h2Bytes};
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
