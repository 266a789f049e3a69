package de.buergerservice.tenancy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/**
 * When a municipality answers the phone: intervals per weekday plus date exceptions. Public holidays are not
 * part of this value; {@link TenantDirectory#openingStatus} combines both.
 */
public record OpeningHours(
        @NotNull Map<DayOfWeek, List<@Valid @NotNull TimeRange>> weekly,
        @NotNull List<@Valid @NotNull OpeningException> exceptions) {

    public OpeningHours {
        EnumMap<DayOfWeek, List<TimeRange>> copy = new EnumMap<>(DayOfWeek.class);
        if (weekly != null) {
            weekly.forEach((day, ranges) -> {
                if (day != null && ranges != null && !ranges.isEmpty()) {
                    copy.put(
                            day,
                            ranges.stream()
                                    .sorted(Comparator.comparing(
                                            TimeRange::opens, Comparator.nullsFirst(Comparator.naturalOrder())))
                                    .toList());
                }
            });
        }
        weekly = Collections.unmodifiableMap(copy);
        exceptions = exceptions == null
                ? List.of()
                : exceptions.stream()
                        .sorted(Comparator.comparing(
                                OpeningException::date, Comparator.nullsFirst(Comparator.naturalOrder())))
                        .toList();
    }

    public static OpeningHours closed() {
        return new OpeningHours(Map.of(), List.of());
    }

    public List<TimeRange> on(DayOfWeek day) {
        return weekly.getOrDefault(day, List.of());
    }

    public Optional<OpeningException> exceptionOn(LocalDate date) {
        return exceptions.stream().filter(e -> date.equals(e.date())).findFirst();
    }

    /** Open by the weekly schedule and exceptions alone (holidays not considered). */
    public boolean isOpenAt(LocalDateTime local) {
        List<TimeRange> ranges =
                exceptionOn(local.toLocalDate()).map(OpeningException::hours).orElseGet(() -> on(local.getDayOfWeek()));
        return ranges.stream().anyMatch(r -> r.contains(local.toLocalTime()));
    }

    // Bean Validation names an @AssertTrue property after its getter: errors appear on "weekly" and "exceptions".
    @AssertTrue(message = "{validation.openingHours.overlap}")
    boolean isWeekly() {
        return weekly.values().stream().allMatch(OpeningHours::disjoint);
    }

    @AssertTrue(message = "{validation.openingHours.exceptions}")
    boolean isExceptions() {
        long distinctDates =
                exceptions.stream().map(OpeningException::date).distinct().count();
        return distinctDates == exceptions.size() && exceptions.stream().allMatch(e -> disjoint(e.hours()));
    }

    private static boolean disjoint(List<TimeRange> ranges) {
        for (int i = 0; i < ranges.size(); i++) {
            for (int j = i + 1; j < ranges.size(); j++) {
                TimeRange a = ranges.get(i);
                TimeRange b = ranges.get(j);
                if (a.opens() != null
                        && a.closes() != null
                        && b.opens() != null
                        && b.closes() != null
                        && a.overlaps(b)) {
                    return false;
                }
            }
        }
        return true;
    }
}
