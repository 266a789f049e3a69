package de.buergerservice.reporting;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * Reporting intervals in Europe/Berlin. The stored grain is 15 minutes; Germany's offsets are whole hours, so a
 * quarter hour of Berlin time is a quarter hour of UTC too. Days, weeks (Monday first) and months are cut at
 * Berlin midnight, so the day of a DST change has 23 or 25 hours.
 */
public enum Granularity {
    QUARTER_HOUR,
    HOUR,
    DAY,
    WEEK,
    MONTH;

    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    static final long QUARTER_MILLIS = Duration.ofMinutes(15).toMillis();

    /** The start of the 15-minute interval holding {@code at}. */
    public static Instant quarterOf(Instant at) {
        long millis = at.toEpochMilli();
        return Instant.ofEpochMilli(Math.floorDiv(millis, QUARTER_MILLIS) * QUARTER_MILLIS);
    }

    /** The start of this granularity's interval holding {@code at}, in Berlin time. */
    public Instant startOf(Instant at) {
        ZonedDateTime local = at.atZone(ZONE);
        return switch (this) {
            case QUARTER_HOUR -> quarterOf(at);
            case HOUR -> local.truncatedTo(ChronoUnit.HOURS).toInstant();
            case DAY -> local.toLocalDate().atStartOfDay(ZONE).toInstant();
            case WEEK ->
                local.toLocalDate()
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                        .atStartOfDay(ZONE)
                        .toInstant();
            case MONTH ->
                local.toLocalDate().withDayOfMonth(1).atStartOfDay(ZONE).toInstant();
        };
    }

    /** The start of the interval after the one starting at {@code start}. */
    public Instant next(Instant start) {
        ZonedDateTime local = start.atZone(ZONE);
        return switch (this) {
            case QUARTER_HOUR -> start.plusMillis(QUARTER_MILLIS);
            case HOUR -> start.plus(Duration.ofHours(1));
            case DAY -> local.toLocalDate().plusDays(1).atStartOfDay(ZONE).toInstant();
            case WEEK -> local.toLocalDate().plusWeeks(1).atStartOfDay(ZONE).toInstant();
            case MONTH -> local.toLocalDate().plusMonths(1).atStartOfDay(ZONE).toInstant();
        };
    }

    /** Berlin midnight at the start of {@code date}. */
    public static Instant startOfDay(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }
}
