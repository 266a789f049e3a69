package de.buergerservice.telephony.internal;

import java.util.UUID;

import org.springframework.stereotype.Component;

import de.buergerservice.telephony.internal.routing.CallEvent;
import de.buergerservice.telephony.internal.routing.SwitchboardListener;

/**
 * Passes the routing core's output on: events to the {@link CallEventLog}, signalling (ring, cancel, queued) to the
 * SIP adapter once it has started.
 */
@Component
public class SwitchboardRelay implements SwitchboardListener {

    private static final SwitchboardListener NOBODY = new SwitchboardListener() {};

    private final CallEventLog events;
    private volatile SwitchboardListener signalling = NOBODY;

    SwitchboardRelay(CallEventLog events) {
        this.events = events;
    }

    /** The SIP adapter connects itself here (null disconnects). */
    public void connect(SwitchboardListener signalling) {
        this.signalling = signalling == null ? NOBODY : signalling;
    }

    @Override
    public void queued(String callId, int position) {
        signalling.queued(callId, position);
    }

    @Override
    public void ring(String callId, UUID agentId) {
        signalling.ring(callId, agentId);
    }

    @Override
    public void ringForCallback(String callId, UUID agentId, String number) {
        signalling.ringForCallback(callId, agentId, number);
    }

    @Override
    public void cancelRing(String callId, UUID agentId) {
        signalling.cancelRing(callId, agentId);
    }

    @Override
    public void dropped(String callId) {
        signalling.dropped(callId);
    }

    @Override
    public void recorded(CallEvent event) {
        events.append(event);
    }
}
