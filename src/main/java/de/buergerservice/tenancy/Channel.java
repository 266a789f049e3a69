package de.buergerservice.tenancy;

/** A contact channel a cooperation agreement can cover. */
public enum Channel {
    /** telephone first contact, including the switchboard */
    PHONE,
    /** service information and online applications on the web */
    WEB,
    /** e-mail to the municipality */
    EMAIL
}
