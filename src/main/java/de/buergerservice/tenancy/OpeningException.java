package de.buergerservice.tenancy;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Hours that replace the weekly schedule on one date, e.g. closed for a staff outing or open on a Saturday before
 * an election. No hours means closed all day. An exception also overrides a public holiday.
 */
public record OpeningException(
        @NotNull LocalDate date,
        @NotNull List<@Valid @NotNull TimeRange> hours,
        @Size(max = 200) String note) {

    public OpeningException {
        hours = hours == null ? List.of() : List.copyOf(hours);
    }

    public boolean closedAllDay() {
        return hours.isEmpty();
    }
}
