package de.buergerservice.reporting.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.buergerservice.contact.ContactOutcome;
import de.buergerservice.reporting.Granularity;
import de.buergerservice.reporting.IntervalKey;
import de.buergerservice.reporting.KpiCounts;
import de.buergerservice.reporting.KpiFold;
import de.buergerservice.telephony.AgentState;

/**
 * The reporting tables: interval aggregates and wait histograms (added to, never overwritten), the fold's open
 * state and the feed position, and the documented contacts. Plain SQL that runs the same on H2 and PostgreSQL.
 */
@Component
public class KpiStore {

    static final String CONSUMER = "kpi";
    private static final String SUMS = Arrays.stream(KpiCounts.COLUMNS)
            .map(c -> c.equals("max_wait_ms") ? "max(max_wait_ms)" : "sum(" + c + ")")
            .collect(Collectors.joining(", "));

    private final JdbcTemplate jdbc;

    KpiStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // --- the consumer's side ---------------------------------------------------------------------------------

    /** The last sequence folded, locking the position row until the transaction ends (one consumer at a time). */
    long lockPosition() {
        return jdbc.queryForObject(
                "select last_sequence from reporting_feed_position where consumer = ? for update",
                Long.class,
                CONSUMER);
    }

    void savePosition(long sequence) {
        jdbc.update("update reporting_feed_position set last_sequence = ? where consumer = ?", sequence, CONSUMER);
    }

    KpiFold loadFold() {
        List<KpiFold.OpenCall> calls = jdbc.query(
                "select call_id, tenant_id, queue_id, offered_at, agent_id, answered_at from reporting_open_call",
                (rs, n) -> new KpiFold.OpenCall(
                        rs.getString(1),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getTimestamp(4).toInstant(),
                        rs.getObject(5, UUID.class),
                        instant(rs.getTimestamp(6))));
        List<KpiFold.AgentClock> clocks = jdbc.query(
                "select agent_id, state, since, last_tenant_id, last_queue_id, last_agent_id, last_interval"
                        + " from reporting_agent_clock",
                (rs, n) -> {
                    String state = rs.getString(2);
                    Timestamp last = rs.getTimestamp(7);
                    return new KpiFold.AgentClock(
                            rs.getObject(1, UUID.class),
                            state == null ? null : AgentState.valueOf(state),
                            instant(rs.getTimestamp(3)),
                            last == null
                                    ? null
                                    : new IntervalKey(
                                            rs.getObject(4, UUID.class),
                                            rs.getObject(5, UUID.class),
                                            rs.getObject(6, UUID.class),
                                            last.toInstant()));
                });
        return new KpiFold(calls, clocks);
    }

    /**
     * Stores the fold's open state, writing only what changed against what is stored ({@code storedCalls},
     * {@code storedClocks}: the state as loaded or as last committed) — a batch touches the calls and agents its
     * events concern, not every open call and every agent of the centre.
     */
    void saveFold(KpiFold fold, Collection<KpiFold.OpenCall> storedCalls, Collection<KpiFold.AgentClock> storedClocks) {
        Map<String, KpiFold.OpenCall> callsBefore = new HashMap<>();
        storedCalls.forEach(c -> callsBefore.put(c.callId(), c));
        List<Object[]> goneCalls = new ArrayList<>();
        List<Object[]> newCalls = new ArrayList<>();
        for (KpiFold.OpenCall c : fold.openCalls()) {
            KpiFold.OpenCall before = callsBefore.remove(c.callId());
            if (c.equals(before)) {
                continue;
            }
            if (before != null) {
                goneCalls.add(new Object[] {c.callId()});
            }
            newCalls.add(new Object[] {
                c.callId(),
                c.tenantId(),
                c.queueId(),
                Timestamp.from(c.offeredAt()),
                c.agentId(),
                timestamp(c.answeredAt())
            });
        }
        callsBefore.keySet().forEach(id -> goneCalls.add(new Object[] {id}));
        if (!goneCalls.isEmpty()) {
            jdbc.batchUpdate("delete from reporting_open_call where call_id = ?", goneCalls);
        }
        if (!newCalls.isEmpty()) {
            jdbc.batchUpdate(
                    "insert into reporting_open_call (call_id, tenant_id, queue_id, offered_at, agent_id, answered_at)"
                            + " values (?, ?, ?, ?, ?, ?)",
                    newCalls);
        }
        Map<UUID, KpiFold.AgentClock> clocksBefore = new HashMap<>();
        storedClocks.forEach(a -> clocksBefore.put(a.agentId(), a));
        List<Object[]> goneClocks = new ArrayList<>();
        List<Object[]> newClocks = new ArrayList<>();
        for (KpiFold.AgentClock a : fold.agentClocks()) {
            KpiFold.AgentClock before = clocksBefore.remove(a.agentId());
            if (a.equals(before)) {
                continue;
            }
            if (before != null) {
                goneClocks.add(new Object[] {a.agentId()});
            }
            newClocks.add(new Object[] {
                a.agentId(),
                a.state() == null ? null : a.state().name(),
                timestamp(a.since()),
                a.lastCall() == null ? null : a.lastCall().tenantId(),
                a.lastCall() == null ? null : a.lastCall().queueId(),
                a.lastCall() == null ? null : a.lastCall().agentId(),
                a.lastCall() == null ? null : Timestamp.from(a.lastCall().start())
            });
        }
        clocksBefore.keySet().forEach(id -> goneClocks.add(new Object[] {id}));
        if (!goneClocks.isEmpty()) {
            jdbc.batchUpdate("delete from reporting_agent_clock where agent_id = ?", goneClocks);
        }
        if (!newClocks.isEmpty()) {
            jdbc.batchUpdate(
                    "insert into reporting_agent_clock (agent_id, state, since, last_tenant_id, last_queue_id,"
                            + " last_agent_id, last_interval) values (?, ?, ?, ?, ?, ?, ?)",
                    newClocks);
        }
    }

    /** Adds the counters to the stored ones (update, or insert where the key is new). */
    void add(Map<IntervalKey, KpiCounts> deltas) {
        List<Map.Entry<IntervalKey, KpiCounts>> entries = new ArrayList<>(deltas.entrySet());
        entries.removeIf(e -> e.getValue().isEmpty());
        if (entries.isEmpty()) {
            return;
        }
        StringBuilder update = new StringBuilder("update reporting_interval set ");
        for (int i = 0; i < KpiCounts.COLUMNS.length; i++) {
            String c = KpiCounts.COLUMNS[i];
            update.append(i == 0 ? "" : ", ")
                    .append(c)
                    .append(" = ")
                    .append(c.equals("max_wait_ms") ? "greatest(max_wait_ms, ?)" : c + " + ?");
        }
        update.append(" where tenant_id = ? and interval_start = ? and queue_id = ? and agent_id = ?");
        List<Object[]> args =
                entries.stream().map(e -> row(e.getKey(), e.getValue(), false)).toList();
        int[] updated = jdbc.batchUpdate(update.toString(), args);
        List<Object[]> inserts = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                inserts.add(row(entries.get(i).getKey(), entries.get(i).getValue(), true));
            }
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate(
                    "insert into reporting_interval (tenant_id, interval_start, queue_id, agent_id, "
                            + String.join(", ", KpiCounts.COLUMNS) + ") values (?, ?, ?, ?"
                            + ", ?".repeat(KpiCounts.COLUMNS.length) + ")",
                    inserts);
        }
        List<Object[]> waits = new ArrayList<>();
        for (Map.Entry<IntervalKey, KpiCounts> e : entries) {
            e.getValue().answeredWaits().forEach((s, n) -> waits.add(wait(e.getKey(), "A", s, n)));
            e.getValue().abandonedWaits().forEach((s, n) -> waits.add(wait(e.getKey(), "B", s, n)));
        }
        if (!waits.isEmpty()) {
            int[] done = jdbc.batchUpdate(
                    "update reporting_wait set calls = calls + ? where tenant_id = ? and interval_start = ?"
                            + " and queue_id = ? and agent_id = ? and kind = ? and wait_seconds = ?",
                    waits);
            List<Object[]> newWaits = new ArrayList<>();
            for (int i = 0; i < done.length; i++) {
                if (done[i] == 0) {
                    newWaits.add(waits.get(i));
                }
            }
            jdbc.batchUpdate(
                    "insert into reporting_wait (calls, tenant_id, interval_start, queue_id, agent_id, kind,"
                            + " wait_seconds) values (?, ?, ?, ?, ?, ?, ?)",
                    newWaits);
        }
        addRollups(entries);
    }

    /** A municipality and the start of its quarter hour or Berlin day. */
    private record Rolled(UUID tenantId, Instant start) {}

    /**
     * The same deltas summed per municipality and quarter hour, and per municipality and Berlin day (with the
     * wait histogram): each rollup row is written once per batch, however many calls and agents it holds.
     */
    private void addRollups(List<Map.Entry<IntervalKey, KpiCounts>> entries) {
        Map<Rolled, KpiCounts> quarters = new LinkedHashMap<>();
        Map<Rolled, KpiCounts> days = new LinkedHashMap<>();
        for (Map.Entry<IntervalKey, KpiCounts> e : entries) {
            IntervalKey key = e.getKey();
            quarters.computeIfAbsent(new Rolled(key.tenantId(), key.start()), k -> new KpiCounts())
                    .add(e.getValue());
            days.computeIfAbsent(new Rolled(key.tenantId(), Granularity.DAY.startOf(key.start())), k -> new KpiCounts())
                    .add(e.getValue());
        }
        upsertCounters("reporting_tenant_quarter", "interval_start", quarters);
        upsertCounters("reporting_tenant_day", "day_start", days);
        List<Object[]> waits = new ArrayList<>();
        days.forEach((day, counts) -> {
            counts.answeredWaits().forEach((sec, n) -> waits.add(dayWait(day, "A", sec, n)));
            counts.abandonedWaits().forEach((sec, n) -> waits.add(dayWait(day, "B", sec, n)));
        });
        if (!waits.isEmpty()) {
            int[] done = jdbc.batchUpdate(
                    "update reporting_tenant_day_wait set calls = calls + ? where tenant_id = ? and day_start = ?"
                            + " and kind = ? and wait_seconds = ?",
                    waits);
            List<Object[]> inserts = new ArrayList<>();
            for (int i = 0; i < done.length; i++) {
                if (done[i] == 0) {
                    inserts.add(waits.get(i));
                }
            }
            if (!inserts.isEmpty()) {
                jdbc.batchUpdate(
                        "insert into reporting_tenant_day_wait (calls, tenant_id, day_start, kind, wait_seconds)"
                                + " values (?, ?, ?, ?, ?)",
                        inserts);
            }
        }
    }

    private void upsertCounters(String table, String startColumn, Map<Rolled, KpiCounts> rows) {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder update = new StringBuilder("update " + table + " set ");
        for (int i = 0; i < KpiCounts.COLUMNS.length; i++) {
            String c = KpiCounts.COLUMNS[i];
            update.append(i == 0 ? "" : ", ")
                    .append(c)
                    .append(" = ")
                    .append(c.equals("max_wait_ms") ? "greatest(max_wait_ms, ?)" : c + " + ?");
        }
        update.append(" where tenant_id = ? and ").append(startColumn).append(" = ?");
        List<Map.Entry<Rolled, KpiCounts>> list = new ArrayList<>(rows.entrySet());
        int[] updated = jdbc.batchUpdate(
                update.toString(),
                list.stream().map(e -> rolledRow(e.getKey(), e.getValue())).toList());
        List<Object[]> inserts = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                inserts.add(rolledRow(list.get(i).getKey(), list.get(i).getValue()));
            }
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate(
                    "insert into " + table + " (" + String.join(", ", KpiCounts.COLUMNS) + ", tenant_id, " + startColumn
                            + ") values (" + "?, ".repeat(KpiCounts.COLUMNS.length) + "?, ?)",
                    inserts);
        }
    }

    private static Object[] rolledRow(Rolled key, KpiCounts counts) {
        long[] values = counts.values();
        Object[] row = new Object[values.length + 2];
        for (int i = 0; i < values.length; i++) {
            row[i] = values[i];
        }
        row[values.length] = key.tenantId();
        row[values.length + 1] = Timestamp.from(key.start());
        return row;
    }

    private static Object[] dayWait(Rolled day, String kind, int seconds, long calls) {
        return new Object[] {calls, day.tenantId(), Timestamp.from(day.start()), kind, seconds};
    }

    private static Object[] row(IntervalKey key, KpiCounts counts, boolean keyFirst) {
        long[] values = counts.values();
        Object[] row = new Object[values.length + 4];
        int offset = keyFirst ? 4 : 0;
        for (int i = 0; i < values.length; i++) {
            row[offset + i] = values[i];
        }
        int k = keyFirst ? 0 : values.length;
        row[k] = key.tenantId();
        row[k + 1] = Timestamp.from(key.start());
        row[k + 2] = key.queueId();
        row[k + 3] = key.agentId();
        return row;
    }

    private static Object[] wait(IntervalKey key, String kind, int seconds, long calls) {
        return new Object[] {
            calls, key.tenantId(), Timestamp.from(key.start()), key.queueId(), key.agentId(), kind, seconds
        };
    }

    /** Forgets all aggregates and the fold's state (for a rebuild from the raw events). */
    void clear() {
        jdbc.update("delete from reporting_interval");
        jdbc.update("delete from reporting_wait");
        jdbc.update("delete from reporting_tenant_quarter");
        jdbc.update("delete from reporting_tenant_day");
        jdbc.update("delete from reporting_tenant_day_wait");
        jdbc.update("delete from reporting_open_call");
        jdbc.update("delete from reporting_agent_clock");
        savePosition(0);
    }

    // --- the readers' side -----------------------------------------------------------------------------------

    /** Every stored key with its counters (for the rebuild comparison). */
    public Map<IntervalKey, KpiCounts> all() {
        Map<IntervalKey, KpiCounts> result = new java.util.HashMap<>();
        jdbc.query(
                "select tenant_id, interval_start, queue_id, agent_id, " + String.join(", ", KpiCounts.COLUMNS)
                        + " from reporting_interval",
                rs -> {
                    long[] v = new long[KpiCounts.COLUMNS.length];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = rs.getLong(5 + i);
                    }
                    result.put(key(rs), KpiCounts.of(v));
                });
        jdbc.query(
                "select tenant_id, interval_start, queue_id, agent_id, kind, wait_seconds, calls from reporting_wait",
                rs -> {
                    KpiCounts c = result.computeIfAbsent(key(rs), k -> new KpiCounts());
                    if ("A".equals(rs.getString(5))) {
                        c.addAnsweredWaits(rs.getInt(6), rs.getLong(7));
                    } else {
                        c.addAbandonedWaits(rs.getInt(6), rs.getLong(7));
                    }
                });
        return result;
    }

    private static IntervalKey key(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new IntervalKey(
                rs.getObject(1, UUID.class),
                rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class),
                rs.getTimestamp(2).toInstant());
    }

    /**
     * The municipality's counters per quarter hour in {@code [from, to)}, summed over queues and agents (from the
     * municipality's rollup), with the wait histograms (from the finer rows: only periods of hours or days ask).
     */
    public TreeMap<Instant, KpiCounts> quarters(UUID tenantId, Instant from, Instant to) {
        TreeMap<Instant, KpiCounts> result = counters("reporting_tenant_quarter", "interval_start", tenantId, from, to);
        jdbc.query(
                "select interval_start, kind, wait_seconds, sum(calls) from reporting_wait where tenant_id = ?"
                        + " and interval_start >= ? and interval_start < ? group by interval_start, kind, wait_seconds",
                rs -> {
                    KpiCounts c = result.computeIfAbsent(rs.getTimestamp(1).toInstant(), k -> new KpiCounts());
                    if ("A".equals(rs.getString(2))) {
                        c.addAnsweredWaits(rs.getInt(3), rs.getLong(4));
                    } else {
                        c.addAbandonedWaits(rs.getInt(3), rs.getLong(4));
                    }
                },
                tenantId,
                Timestamp.from(from),
                Timestamp.from(to));
        return result;
    }

    /**
     * The municipality's counters per Berlin day in {@code [from, to)} (both Berlin midnights), with the wait
     * histograms: at most one row per day, plus one per day and distinct wait — what month and year reports read.
     */
    public TreeMap<Instant, KpiCounts> days(UUID tenantId, Instant from, Instant to) {
        requireDays(from, to);
        TreeMap<Instant, KpiCounts> result = counters("reporting_tenant_day", "day_start", tenantId, from, to);
        jdbc.query(
                "select day_start, kind, wait_seconds, calls from reporting_tenant_day_wait where tenant_id = ?"
                        + " and day_start >= ? and day_start < ?",
                rs -> {
                    KpiCounts c = result.computeIfAbsent(rs.getTimestamp(1).toInstant(), k -> new KpiCounts());
                    if ("A".equals(rs.getString(2))) {
                        c.addAnsweredWaits(rs.getInt(3), rs.getLong(4));
                    } else {
                        c.addAbandonedWaits(rs.getInt(3), rs.getLong(4));
                    }
                },
                tenantId,
                Timestamp.from(from),
                Timestamp.from(to));
        return result;
    }

    /** Calls offered to the municipality per quarter hour in {@code [from, to)} (the arrivals chart). */
    public TreeMap<Instant, Long> arrivals(UUID tenantId, Instant from, Instant to) {
        TreeMap<Instant, Long> result = new TreeMap<>();
        jdbc.query(
                "select interval_start, offered from reporting_tenant_quarter where tenant_id = ?"
                        + " and interval_start >= ? and interval_start < ?",
                rs -> {
                    result.put(rs.getTimestamp(1).toInstant(), rs.getLong(2));
                },
                tenantId,
                Timestamp.from(from),
                Timestamp.from(to));
        return result;
    }

    private TreeMap<Instant, KpiCounts> counters(
            String table, String startColumn, UUID tenantId, Instant from, Instant to) {
        TreeMap<Instant, KpiCounts> result = new TreeMap<>();
        jdbc.query(
                "select " + startColumn + ", " + String.join(", ", KpiCounts.COLUMNS) + " from " + table
                        + " where tenant_id = ? and " + startColumn + " >= ? and " + startColumn + " < ?",
                rs -> {
                    long[] v = new long[KpiCounts.COLUMNS.length];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = rs.getLong(2 + i);
                    }
                    result.put(rs.getTimestamp(1).toInstant(), KpiCounts.of(v));
                },
                tenantId,
                Timestamp.from(from),
                Timestamp.from(to));
        return result;
    }

    /** Agent state time of all agents in {@code [from, to)} and the calls all municipalities' agents handled. */
    public KpiCounts agentTime(Instant from, Instant to) {
        boolean days = isDays(from, to);
        long[] v = new long[KpiCounts.COLUMNS.length];
        String column = days ? "day_start" : "interval_start";
        jdbc.query(
                "select " + SUMS + " from " + (days ? "reporting_tenant_day" : "reporting_tenant_quarter")
                        + " where tenant_id = ? and " + column + " >= ? and " + column + " < ?",
                rs -> {
                    for (int i = 0; i < v.length; i++) {
                        v[i] = rs.getLong(1 + i);
                    }
                },
                IntervalKey.NONE,
                Timestamp.from(from),
                Timestamp.from(to));
        return KpiCounts.of(v);
    }

    /**
     * Per agent in {@code [from, to)}: the agent's state time (the nil municipality's rows) and the calls it handled,
     * over all municipalities and of {@code tenantId} alone — from the per-agent quarter hours of
     * {@code reporting_interval}, one grouped query.
     */
    public Map<UUID, AgentCounts> perAgent(UUID tenantId, Instant from, Instant to) {
        Map<UUID, AgentCounts> result = new java.util.LinkedHashMap<>();
        jdbc.query(
                "select agent_id, tenant_id, sum(handled), sum(available_ms), sum(ringing_ms), sum(talking_ms),"
                        + " sum(wrap_up_state_ms), sum(paused_ms) from reporting_interval"
                        + " where interval_start >= ? and interval_start < ? and agent_id <> ?"
                        + " group by agent_id, tenant_id",
                rs -> {
                    UUID agent = rs.getObject(1, UUID.class);
                    UUID tenant = rs.getObject(2, UUID.class);
                    AgentCounts a = result.computeIfAbsent(agent, k -> new AgentCounts());
                    if (IntervalKey.NONE.equals(tenant)) {
                        a.time.add(KpiCounts.of(
                                stateTime(rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8))));
                    } else {
                        a.handledByAll += rs.getLong(3);
                        if (tenant.equals(tenantId)) {
                            a.handledOfTenant += rs.getLong(3);
                        }
                    }
                },
                Timestamp.from(from),
                Timestamp.from(to),
                IntervalKey.NONE);
        return result;
    }

    private static long[] stateTime(long available, long ringing, long talking, long wrapUp, long paused) {
        long[] v = new long[KpiCounts.COLUMNS.length];
        List<String> columns = Arrays.asList(KpiCounts.COLUMNS);
        v[columns.indexOf("available_ms")] = available;
        v[columns.indexOf("ringing_ms")] = ringing;
        v[columns.indexOf("talking_ms")] = talking;
        v[columns.indexOf("wrap_up_state_ms")] = wrapUp;
        v[columns.indexOf("paused_ms")] = paused;
        return v;
    }

    /** One agent's period: state time, calls handled for all municipalities and for the one asked about. */
    public static final class AgentCounts {
        public final KpiCounts time = new KpiCounts();
        public long handledByAll;
        public long handledOfTenant;
    }

    /** Calls handled by the agents in {@code [from, to)}, over all municipalities. */
    public long handledByAll(Instant from, Instant to) {
        boolean days = isDays(from, to);
        String column = days ? "day_start" : "interval_start";
        Long n = jdbc.queryForObject(
                "select coalesce(sum(handled), 0) from " + (days ? "reporting_tenant_day" : "reporting_tenant_quarter")
                        + " where " + column + " >= ? and " + column + " < ? and tenant_id <> ?",
                Long.class,
                Timestamp.from(from),
                Timestamp.from(to),
                IntervalKey.NONE);
        return n == null ? 0 : n;
    }

    private static boolean isDays(Instant from, Instant to) {
        return Granularity.DAY.startOf(from).equals(from)
                && Granularity.DAY.startOf(to).equals(to);
    }

    private static void requireDays(Instant from, Instant to) {
        if (!isDays(from, to)) {
            throw new IllegalArgumentException("not Berlin midnights: " + from + ", " + to);
        }
    }

    // --- documented contacts ---------------------------------------------------------------------------------

    /** Stores a contact's outcome; a later documentation of the same contact replaces it, an older one does not. */
    void documented(
            UUID contactId,
            UUID tenantId,
            String channel,
            UUID agentId,
            ContactOutcome outcome,
            Instant startedAt,
            Instant documentedAt) {
        // serialises the listeners (they run in parallel): the second documentation of a contact sees the first
        jdbc.queryForObject(
                "select last_sequence from reporting_feed_position where consumer = 'contacts' for update", Long.class);
        int updated = jdbc.update(
                "update reporting_contact_outcome set tenant_id = ?, channel = ?, agent_id = ?, outcome = ?,"
                        + " started_at = ?, interval_start = ?, documented_at = ? where contact_id = ?"
                        + " and documented_at <= ?",
                tenantId,
                channel,
                agentId,
                outcome.name(),
                Timestamp.from(startedAt),
                Timestamp.from(Granularity.quarterOf(startedAt)),
                Timestamp.from(documentedAt),
                contactId,
                Timestamp.from(documentedAt));
        if (updated == 0) {
            Integer exists = jdbc.queryForObject(
                    "select count(*) from reporting_contact_outcome where contact_id = ?", Integer.class, contactId);
            if (exists == null || exists == 0) {
                jdbc.update(
                        "insert into reporting_contact_outcome (contact_id, tenant_id, channel, agent_id, outcome,"
                                + " started_at, interval_start, documented_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                        contactId,
                        tenantId,
                        channel,
                        agentId,
                        outcome.name(),
                        Timestamp.from(startedAt),
                        Timestamp.from(Granularity.quarterOf(startedAt)),
                        Timestamp.from(documentedAt));
            }
        }
    }

    /** Documented contacts of the municipality that started in {@code [from, to)}, per outcome. */
    public Map<ContactOutcome, Long> outcomes(UUID tenantId, Instant from, Instant to) {
        Map<ContactOutcome, Long> result = new EnumMap<>(ContactOutcome.class);
        jdbc.query(
                "select outcome, count(*) from reporting_contact_outcome where tenant_id = ? and started_at >= ?"
                        + " and started_at < ? group by outcome",
                rs -> {
                    result.put(ContactOutcome.valueOf(rs.getString(1)), rs.getLong(2));
                },
                tenantId,
                Timestamp.from(from),
                Timestamp.from(to));
        return result;
    }

    /** Documented contacts per quarter hour of their start, per outcome (for per-interval FCR). */
    public TreeMap<Instant, Map<ContactOutcome, Long>> outcomesByQuarter(UUID tenantId, Instant from, Instant to) {
        TreeMap<Instant, Map<ContactOutcome, Long>> result = new TreeMap<>();
        jdbc.query(
                "select interval_start, outcome, count(*) from reporting_contact_outcome where tenant_id = ?"
                        + " and interval_start >= ? and interval_start < ? group by interval_start, outcome",
                rs -> {
                    result.computeIfAbsent(rs.getTimestamp(1).toInstant(), k -> new EnumMap<>(ContactOutcome.class))
                            .merge(ContactOutcome.valueOf(rs.getString(2)), rs.getLong(3), Long::sum);
                },
                tenantId,
                Timestamp.from(from),
                Timestamp.from(to));
        return result;
    }

    /** Documented contacts of a channel (WEB, EMAIL, …) of the municipality that started in {@code [from, to)}. */
    public long documentedOfChannel(UUID tenantId, String channel, Instant from, Instant to) {
        Long n = jdbc.queryForObject(
                "select count(*) from reporting_contact_outcome where tenant_id = ? and channel = ?"
                        + " and started_at >= ? and started_at < ?",
                Long.class,
                tenantId,
                channel,
                Timestamp.from(from),
                Timestamp.from(to));
        return n == null ? 0 : n;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Timestamp timestamp(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
