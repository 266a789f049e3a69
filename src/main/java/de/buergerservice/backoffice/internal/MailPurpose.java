package de.buergerservice.backoffice.internal;

/** Why a mail was written. */
public enum MailPurpose {
    /** a new ticket, to the department's mailbox */
    NEW_TICKET,
    /** the department's answer, to the citizen */
    ANSWER,
    /** an overdue ticket, to the department and the ServiceCenter's supervisors */
    ESCALATION,
    /** the confirmation of an online application, to the citizen */
    SUBMISSION_RECEIVED,
    /** a status change of an online application with the department's message, to the citizen */
    SUBMISSION_STATUS
}
