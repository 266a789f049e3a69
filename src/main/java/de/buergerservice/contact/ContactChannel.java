package de.buergerservice.contact;

/** How the citizen reached the ServiceCenter. Phone contacts come from the switchboard; agents record the rest. */
public enum ContactChannel {
    PHONE,
    EMAIL,
    WEB,
    WALK_IN,
    LETTER
}
