package de.buergerservice.backoffice;

/** Where a ticket stands. */
public enum TicketStatus {
    /** in a department's inbox, nobody has taken it yet (also after it was forwarded) */
    NEW,
    /** taken by a back-office user */
    IN_PROGRESS,
    /** sent back to the ServiceCenter: its agents call the citizen back ("Rückruf durch das ServiceCenter") */
    RETURNED,
    /** done, with a result */
    CLOSED;

    /** Whether the department still owes the citizen an answer (counts for the deadline and escalation). */
    public boolean open() {
        return this == NEW || this == IN_PROGRESS;
    }
}
