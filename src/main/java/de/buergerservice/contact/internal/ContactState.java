package de.buergerservice.contact.internal;

/** A contact is {@code OPEN} until the agent has documented concern and outcome. */
public enum ContactState {
    OPEN,
    DOCUMENTED
}
