package de.buergerservice.telephony;

/** Where an agent is in the working day; only AVAILABLE agents are offered calls. */
public enum AgentState {
    LOGGED_OUT,
    AVAILABLE,
    RINGING,
    TALKING,
    /** Nachbearbeitung: after a call, for the configured seconds, then AVAILABLE again. */
    WRAP_UP,
    /** Not offered calls; the reason says why (e.g. "keine Annahme" after a ring timeout). */
    PAUSED;

    /** States an agent (or supervisor) may ask for; the others follow from calls. */
    public boolean requestable() {
        return this == AVAILABLE || this == PAUSED || this == LOGGED_OUT;
    }
}
