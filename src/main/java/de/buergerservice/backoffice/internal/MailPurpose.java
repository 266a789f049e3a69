package de.buergerservice.backoffice.internal;

/** Why a mail was written. */
public enum MailPurpose {
    /** a new ticket, to the department's mailbox */
    NEW_TICKET,
    /** the department's answer, to the citizen */
    ANSWER,
    /** an overdue ticket, to the department and the ServiceCenter's supervisors */
    ESCALATION
}
