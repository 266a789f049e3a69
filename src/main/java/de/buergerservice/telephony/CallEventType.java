package de.buergerservice.telephony;

/** The kinds of rows in the append-only {@code call_event} table; reporting computes its KPIs from these. */
public enum CallEventType {
    CALL_OFFERED,
    QUEUED,
    AGENT_RINGING,
    RING_NO_ANSWER,
    ANSWERED,
    ABANDONED,
    TRANSFERRED,
    ENDED,
    REJECTED_CLOSED,
    /** The call's queue was removed while it waited or rang (its municipality was deleted); {@code waitMs=…}. */
    QUEUE_REMOVED,
    /** An agent's state changed; {@code agent_state} and {@code detail} (pause reason) tell to what. */
    AGENT_STATE_CHANGED,
    /**
     * Issue 19: the waiting caller pressed 1; the call keeps its place in the queue without the caller on the line
     * ({@code number=…; position=…}). Its ANSWERED (when the citizen picks up the callback) carries {@code callback}
     * in the detail, so reports can label callbacks' service level separately.
     */
    CALLBACK_REQUESTED,
    /** The agent took the callback; the switchboard dials the citizen ({@code attempt=n}). */
    CALLBACK_ATTEMPT,
    /** The citizen was not reached ({@code attempt=n; reason=…}); the callback is tried again later. */
    CALLBACK_FAILED,
    /** The last attempt failed: the callback is given up ({@code attempts=n}); an ABANDONED follows for the KPIs. */
    CALLBACK_ABANDONED
}
