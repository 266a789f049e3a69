package de.buergerservice.tenancy;

/**
 * Whether a municipality is reachable at a moment, and why.
 *
 * @param holiday name of the public holiday (German), if the date is one
 * @param note the note of an exception for that date, if any
 */
public record OpeningStatus(boolean open, Reason reason, String holiday, String note) {

    public enum Reason {
        /** within the weekly hours */
        REGULAR_HOURS,
        /** outside the weekly hours */
        OUTSIDE_HOURS,
        /** a public holiday in the tenant's federal state */
        PUBLIC_HOLIDAY,
        /** an exception for that date decides */
        EXCEPTION
    }
}
