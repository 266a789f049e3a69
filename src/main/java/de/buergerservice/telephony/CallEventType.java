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
    AGENT_STATE_CHANGED
}
