package de.buergerservice.telephony.internal.routing;

/** A request the switchboard refuses; {@link Kind} tells the edge which status to answer with. */
public class RoutingException extends RuntimeException {

    public enum Kind {
        UNKNOWN_AGENT,
        UNKNOWN_QUEUE,
        UNKNOWN_CALL,
        /** the state may not be asked for at all (e.g. TALKING) */
        NOT_REQUESTABLE,
        /** the state may not be entered from the agent's current state (e.g. pause while talking) */
        ILLEGAL_TRANSITION,
        /** AVAILABLE asked for an agent without a registered phone: a call would wait for an agent who cannot ring */
        NO_PHONE,
        DUPLICATE_CALL
    }

    private final Kind kind;

    public RoutingException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
