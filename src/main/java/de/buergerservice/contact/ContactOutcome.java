package de.buergerservice.contact;

/**
 * What became of a contact, chosen by the agent when documenting it. First-contact resolution is counted from
 * these by {@link FirstContactResolution}, the one definition in code.
 */
public enum ContactOutcome {
    /** solved at the first contact: counts for first-contact resolution */
    RESOLVED,
    /** connected to a department of the municipality (which one is recorded) */
    TRANSFERRED,
    /** the back office must act: a {@link ContactHandedOff} event makes it a ticket */
    HANDED_OFF,
    /** information given, but not this municipality's matter: left out of first-contact resolution */
    WRONG_MUNICIPALITY,
    /** silent call, wrong number, no concern: left out of first-contact resolution */
    NO_CONCERN
}
