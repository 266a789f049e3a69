package de.buergerservice.backoffice.internal;

/** What happened to a ticket, as its history shows it. */
public enum TicketStepKind {
    CREATED,
    TAKEN,
    CALLBACK_REACHED,
    CALLBACK_NOT_REACHED,
    ANSWERED,
    FORWARDED,
    RETURNED,
    CLOSED,
    ESCALATED,
    /** the citizen answered the department's request for more information on an online application */
    CITIZEN_ANSWERED
}
