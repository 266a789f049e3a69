package de.buergerservice.applications;

/** Where a date must lie relative to the day of submission. */
public enum DateRule {
    /** Before today (a date of birth). */
    PAST,
    /** Today or before (a date something happened: "seit wann"). */
    PAST_OR_TODAY,
    /** After today. */
    FUTURE,
    /** Today or later (a desired start). */
    FUTURE_OR_TODAY
}
