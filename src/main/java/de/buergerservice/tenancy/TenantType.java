package de.buergerservice.tenancy;

/** Kind of municipality; the German name is the message {@code tenantType.<NAME>}. */
public enum TenantType {
    /** Stadt */
    CITY,
    /** Gemeinde */
    MUNICIPALITY,
    /** Samtgemeinde — a union of member municipalities with a common administration (Lower Saxony). */
    COLLECTIVE_MUNICIPALITY,
    /** Landkreis */
    DISTRICT
}
