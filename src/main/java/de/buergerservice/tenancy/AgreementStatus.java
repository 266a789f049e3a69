package de.buergerservice.tenancy;

/** Where a cooperation agreement stands: in its trial phase, in regular operation, or ended. */
public enum AgreementStatus {
    TRIAL,
    ACTIVE,
    ENDED
}
