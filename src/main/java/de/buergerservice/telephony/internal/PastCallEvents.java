package de.buergerservice.telephony.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import de.buergerservice.telephony.CallEventImport;
import de.buergerservice.telephony.internal.routing.CallEvent;
import de.buergerservice.telephony.internal.routing.Switchboard;

/**
 * {@link CallEventImport}: the switchboard numbers the events under its lock ({@link Switchboard#recordPast}) and
 * they go to the {@link CallEventLog}'s writer like its own, whose insert skips ids already stored.
 */
@Component
class PastCallEvents implements CallEventImport {

    private final Switchboard switchboard;
    private final CallEventLog log;
    private final QueueService queues;

    PastCallEvents(Switchboard switchboard, CallEventLog log, QueueService queues) {
        this.switchboard = switchboard;
        this.log = log;
        this.queues = queues;
    }

    @Override
    public void importPast(List<PastEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Map<UUID, UUID> lineOf = new HashMap<>();
        for (PastEvent e : events) {
            if (e.tenantId() != null) {
                lineOf.computeIfAbsent(
                        e.tenantId(), t -> queues.find(t).map(q -> q.id()).orElse(null));
            }
        }
        java.util.Iterator<PastEvent> next = events.iterator();
        switchboard.recordPast(events.size(), sequence -> {
            PastEvent e = next.next();
            log.append(new CallEvent(
                    e.id(),
                    sequence,
                    e.callId(),
                    e.tenantId(),
                    e.tenantId() == null ? null : lineOf.get(e.tenantId()),
                    e.agentId(),
                    e.type(),
                    e.agentState(),
                    e.detail(),
                    e.at(),
                    null,
                    e.callerNumber()));
        });
        if (!log.flush(Duration.ofMinutes(2))) {
            throw new IllegalStateException("call events of the past not written within 2 minutes");
        }
    }
}
