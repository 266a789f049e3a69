package de.buergerservice.telephony.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import de.buergerservice.telephony.AgentState;
import de.buergerservice.telephony.internal.routing.Switchboard;

/**
 * Heals what the previous run left open. The switchboard's calls and agent states live in memory, so after a crash
 * (or a stop during calls) the log holds calls without an end and agents in states nobody will leave. At start,
 * before the SIP server takes calls, this reads the log from the last checkpoint on and has the switchboard close
 * each of them with an explicit event ({@link Switchboard#closeLeftOpen}, detail {@code restart}); it also keeps
 * what each agent was doing, so the registrar can bring agents whose phone registration survived back as they
 * were ({@link #stateBefore}).
 *
 * <p>The checkpoint ({@code telephony_event_checkpoint}) is the switchboard's low-water mark, stored every minute
 * once the events before it are durable, so a start reads the events of the last minutes, not of the whole day.
 */
@Component
public class RestartRecovery implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RestartRecovery.class);
    private static final String TERMINAL = "'ENDED', 'ABANDONED', 'TRANSFERRED', 'REJECTED_CLOSED'";

    /** What an agent was doing when the previous run ended. */
    public record AgentBefore(AgentState state, String reason) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Switchboard switchboard;
    private final CallEventLog events;
    private final Clock clock;
    private volatile Map<UUID, AgentBefore> before = Map.of();
    private volatile boolean running;

    RestartRecovery(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            Switchboard switchboard,
            CallEventLog events,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.switchboard = switchboard;
        this.events = events;
        this.clock = clock;
    }

    /** What the agent was doing before this start, empty if logged out (or unknown). */
    public java.util.Optional<AgentBefore> stateBefore(UUID agentId) {
        return java.util.Optional.ofNullable(before.get(agentId));
    }

    @Override
    public void start() {
        long from = checkpoint();
        List<Switchboard.OpenCall> open = openCalls(from);
        Map<UUID, AgentBefore> states = new HashMap<>();
        jdbc.query(
                "select e.agent_id, e.agent_state, e.detail from call_event e join (select agent_id, max(sequence)"
                        + " as s from call_event where sequence >= ? and type = 'AGENT_STATE_CHANGED'"
                        + " group by agent_id) l on e.sequence = l.s",
                rs -> {
                    AgentState state = AgentState.valueOf(rs.getString(2));
                    if (state != AgentState.LOGGED_OUT) {
                        states.put(rs.getObject(1, UUID.class), new AgentBefore(state, rs.getString(3)));
                    }
                },
                from);
        if (!open.isEmpty() || !states.isEmpty()) {
            Timestamp last = jdbc.queryForObject(
                    "select max(occurred_at) from call_event where sequence >= ?", Timestamp.class, from);
            switchboard.closeLeftOpen(open, states.keySet(), last == null ? clock.instant() : last.toInstant());
            log.info(
                    "Restart: closed {} call(s) and logged out {} agent(s) the previous run left open",
                    open.size(),
                    states.size());
        }
        before = Map.copyOf(states);
        storeCheckpoint();
        running = true;
    }

    /** Advances the checkpoint while the switchboard runs, so the next start reads only the last minutes. */
    @Scheduled(fixedDelay = 60, initialDelay = 60, timeUnit = TimeUnit.SECONDS)
    void advance() {
        if (running) {
            storeCheckpoint();
        }
    }

    private void storeCheckpoint() {
        long mark = switchboard.lowWaterMark();
        try {
            // the mark may only be stored once everything before it is in the database
            events.durable().get(30, TimeUnit.SECONDS);
            OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            transactions.executeWithoutResult(status -> {
                if (jdbc.update(
                                "update telephony_event_checkpoint set low_water = ?, recorded_at = ? where id = 1",
                                mark,
                                now)
                        == 0) {
                    jdbc.update(
                            "insert into telephony_event_checkpoint (id, low_water, recorded_at) values (1, ?, ?)",
                            mark,
                            now);
                }
            });
        } catch (Exception e) {
            log.warn("Restart checkpoint not advanced: {}", e.toString());
        }
    }

    private long checkpoint() {
        List<Long> marks =
                jdbc.queryForList("select low_water from telephony_event_checkpoint where id = 1", Long.class);
        return marks.isEmpty() ? 0 : marks.get(0);
    }

    private List<Switchboard.OpenCall> openCalls(long from) {
        List<String> ids = jdbc.queryForList(
                "select call_id from call_event where sequence >= ? and call_id is not null"
                        + " and type <> 'AGENT_STATE_CHANGED' group by call_id"
                        + " having sum(case when type in (" + TERMINAL + ") then 1 else 0 end) = 0"
                        + " and sum(case when type = 'CALL_OFFERED' then 1 else 0 end) > 0",
                String.class,
                from);
        List<Switchboard.OpenCall> open = new ArrayList<>();
        for (String callId : ids) {
            UUID[] tenantQueueAgent = new UUID[3];
            boolean[] answered = {false};
            jdbc.query(
                    "select type, tenant_id, queue_id, agent_id from call_event where call_id = ? and sequence >= ?"
                            + " and type in ('CALL_OFFERED', 'ANSWERED') order by sequence",
                    rs -> {
                        if (rs.getString(1).equals("ANSWERED")) {
                            answered[0] = true;
                            tenantQueueAgent[2] = rs.getObject(4, UUID.class);
                        } else {
                            tenantQueueAgent[0] = rs.getObject(2, UUID.class);
                            tenantQueueAgent[1] = rs.getObject(3, UUID.class);
                        }
                    },
                    callId,
                    from);
            open.add(new Switchboard.OpenCall(
                    callId, tenantQueueAgent[0], tenantQueueAgent[1], tenantQueueAgent[2], answered[0]));
        }
        return open;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the call-event log has started (it writes the closing events), before the SIP server takes calls. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1500;
    }
}
