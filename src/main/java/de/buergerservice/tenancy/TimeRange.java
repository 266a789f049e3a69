package de.buergerservice.tenancy;

import java.time.LocalTime;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Opening interval of one day, closing time exclusive, in the tenant's local time (Europe/Berlin); written as
 * {@code "08:00"} in JSON. A closing time of {@code "24:00"} ({@link #END_OF_DAY}) means until midnight, so
 * {@code 00:00–24:00} on every day is a line that is open around the clock.
 */
public record TimeRange(
        @NotNull @JsonFormat(pattern = "HH:mm") LocalTime opens,

        @NotNull
        @JsonSerialize(using = ClosingTimeJson.Writer.class)
        @JsonDeserialize(using = ClosingTimeJson.Reader.class)
        LocalTime closes) {

    /** "24:00", as offices write "until midnight"; {@link LocalTime} has no 24:00, so the last second stands in. */
    public static final LocalTime END_OF_DAY = LocalTime.MAX.withNano(0);

    public boolean contains(LocalTime time) {
        return !time.isBefore(opens) && (time.isBefore(closes) || untilMidnight());
    }

    /** Whether the interval lasts until the end of the day (closes 24:00). */
    public boolean untilMidnight() {
        return END_OF_DAY.equals(closes);
    }

    boolean overlaps(TimeRange other) {
        return opens.isBefore(other.closes) && other.opens.isBefore(closes);
    }

    // Named after the property the error is reported on: the closing time must come after the opening time.
    @AssertTrue(message = "{validation.timeRange.order}")
    boolean isCloses() {
        return opens == null || closes == null || opens.isBefore(closes);
    }

    /** A closing time as written: {@code HH:mm}, or {@code 24:00} for the end of the day. */
    public static String formatClosing(LocalTime closes) {
        return END_OF_DAY.equals(closes) ? "24:00" : ClosingTimeJson.FORMAT.format(closes);
    }

    @Override
    public String toString() {
        return opens + "–" + formatClosing(closes);
    }
}
