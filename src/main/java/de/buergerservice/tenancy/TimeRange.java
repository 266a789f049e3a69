package de.buergerservice.tenancy;

import java.time.LocalTime;

import com.fasterxml.jackson.annotation.JsonFormat;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/**
 * Opening interval of one day, closing time exclusive, in the tenant's local time (Europe/Berlin); written as
 * {@code "08:00"} in JSON.
 */
public record TimeRange(@NotNull @JsonFormat(pattern = "HH:mm") LocalTime opens,
        @NotNull @JsonFormat(pattern = "HH:mm") LocalTime closes) {

    public boolean contains(LocalTime time) {
        return !time.isBefore(opens) && time.isBefore(closes);
    }

    boolean overlaps(TimeRange other) {
        return opens.isBefore(other.closes) && other.opens.isBefore(closes);
    }

    // Named after the property the error is reported on: the closing time must come after the opening time.
    @AssertTrue(message = "{validation.timeRange.order}")
    boolean isCloses() {
        return opens == null || closes == null || opens.isBefore(closes);
    }

    @Override
    public String toString() {
        return opens + "–" + closes;
    }
}
