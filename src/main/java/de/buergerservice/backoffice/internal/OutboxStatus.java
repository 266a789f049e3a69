package de.buergerservice.backoffice.internal;

/** Where a mail of the outbox stands. */
public enum OutboxStatus {
    /** not sent yet: new, or waiting for its next attempt after a failure */
    WAITING,
    /** claimed by a sender, which is talking to the SMTP server */
    SENDING,
    /** accepted by the SMTP server */
    SENT,
    /** refused for good (5xx) or out of attempts; an administrator may send it again */
    FAILED
}
