package de.buergerservice.tenancy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Servicestunden: the 115 promise counts a deadline ("answer within 24 service hours") in the municipality's
 * opening hours only. This is the one definition of that arithmetic, a pure function of the opening hours, the
 * holiday calendar and the start: time outside the weekly hours does not count, a public holiday counts nothing,
 * and a date exception replaces the day's hours (closed all day: skipped; reduced hours: only those count — the
 * same rule as {@link TenantDirectory#openingStatus}, where an exception wins over a holiday).
 */
public final class ServiceHours {

    /** How far ahead a deadline is looked for; a municipality closed for longer has no deadline. */
    static final int MAX_DAYS = 2 * 366;

    private ServiceHours() {}

    /**
     * The instant at which {@code amount} of service time has passed since {@code from}, or empty if the
     * municipality is not open for that long within {@link #MAX_DAYS} days (e.g. it has no opening hours).
     *
     * @param isHoliday whether a local date is a public holiday of the municipality's federal state
     */
    public static Optional<Instant> add(
            OpeningHours hours, Predicate<LocalDate> isHoliday, ZoneId zone, Instant from, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("negative service time " + amount);
        }
        Duration left = amount;
        LocalDate day = LocalDateTime.ofInstant(from, zone).toLocalDate();
        for (int i = 0; i <= MAX_DAYS; i++, day = day.plusDays(1)) {
            for (TimeRange range : rangesOn(hours, isHoliday, day)) {
                Instant opens = day.atTime(range.opens()).atZone(zone).toInstant();
                Instant closes = range.untilMidnight()
                        ? day.plusDays(1).atStartOfDay(zone).toInstant()
                        : day.atTime(range.closes()).atZone(zone).toInstant();
                Instant start = opens.isBefore(from) ? from : opens;
                if (!start.isBefore(closes)) {
                    continue;
                }
                Duration open = Duration.between(start, closes);
                if (left.isZero() || open.compareTo(left) >= 0) {
                    return Optional.of(start.plus(left));
                }
                left = left.minus(open);
            }
        }
        return Optional.empty();
    }

    private static List<TimeRange> rangesOn(OpeningHours hours, Predicate<LocalDate> isHoliday, LocalDate day) {
        Optional<OpeningException> exception = hours.exceptionOn(day);
        if (exception.isPresent()) {
            return exception.get().hours();
        }
        return isHoliday.test(day) ? List.of() : hours.on(day.getDayOfWeek());
    }
}
