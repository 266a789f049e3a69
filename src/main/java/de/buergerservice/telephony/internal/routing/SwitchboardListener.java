package de.buergerservice.telephony.internal.routing;

import java.util.UUID;

/**
 * What the routing core asks the world to do (ring a phone, stop ringing) and tells it (events). Called while the
 * core holds its lock: implementations hand slow work to other threads.
 */
public interface SwitchboardListener {

    /** The call waits at {@code position} (1 = next); tell the caller (SIP: 182 Queued). */
    default void queued(String callId, int position) {}

    /** Offer the call to the agent's phone. */
    default void ring(String callId, UUID agentId) {}

    /**
     * Offer a callback to the agent's phone: the caller hung up after asking for it, so the adapter calls the agent
     * first and then the citizen at {@code number} (issue 19). Answer with {@link Switchboard#callbackAgentReady},
     * then {@link Switchboard#answered} once the citizen picks up, or {@link Switchboard#callbackFailed}.
     */
    default void ringForCallback(String callId, UUID agentId, String number) {
        ring(callId, agentId);
    }

    /** Stop ringing the agent's phone (ring timeout, caller hung up). */
    default void cancelRing(String callId, UUID agentId) {}

    /** The call's queue was removed (municipality deleted): end it with a final answer (SIP: 410 Gone). */
    default void dropped(String callId) {}

    /** A state change happened; persist it. */
    default void recorded(CallEvent event) {}

    /**
     * Whether this listener wants {@link #recorded} (asked once, when the switchboard is made). A simulation that
     * counts its figures itself says no, and the core then numbers its events without building them — no event
     * objects, ids or detail texts per state change.
     */
    default boolean recordsEvents() {
        return true;
    }
}
