package de.buergerservice.tenancy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Year;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import de.buergerservice.shared.BerlinTime;
import de.buergerservice.tenancy.FederalState;
import de.buergerservice.tenancy.OpeningException;
import de.buergerservice.tenancy.OpeningHours;
import de.buergerservice.tenancy.OpeningStatus.Reason;
import de.buergerservice.tenancy.TimeRange;

/** Open or closed: weekly hours, public holidays per federal state, and exceptions that override both. */
class OpeningCalendarTests {

    final OpeningCalendar calendar = new OpeningCalendar(new PublicHolidays());

    static final TimeRange MORNING = new TimeRange(LocalTime.of(8, 0), LocalTime.of(12, 30));
    static final TimeRange AFTERNOON = new TimeRange(LocalTime.of(14, 0), LocalTime.of(16, 0));

    final OpeningHours hours = new OpeningHours(
            Map.of(
                    DayOfWeek.MONDAY, List.of(MORNING, AFTERNOON),
                    DayOfWeek.FRIDAY, List.of(MORNING)),
            List.of(
                    new OpeningException(LocalDate.of(2026, 11, 27), List.of(), "Betriebsausflug"),
                    new OpeningException(LocalDate.of(2026, 10, 31), List.of(MORNING), "Sonderöffnung")));

    static Instant at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute)
                .atZone(BerlinTime.ZONE)
                .toInstant();
    }

    @Test
    void givenWeeklyHours_thenOpenInsideAndClosedBetweenIntervals() {
        assertThat(calendar.status(hours, FederalState.NI, at(2026, 11, 23, 8, 0))
                        .reason())
                .isEqualTo(Reason.REGULAR_HOURS);
        assertThat(calendar.status(hours, FederalState.NI, at(2026, 11, 23, 12, 30))
                        .open())
                .isFalse();
        assertThat(calendar.status(hours, FederalState.NI, at(2026, 11, 23, 15, 59))
                        .open())
                .isTrue();
        assertThat(calendar.status(hours, FederalState.NI, at(2026, 11, 24, 10, 0))
                        .reason())
                .isEqualTo(Reason.OUTSIDE_HOURS);
    }

    @Test
    void givenLocalTimeInWinterAndSummer_thenReadInBerlinTime() {
        // 07:30 UTC is 08:30 in winter and 09:30 in summer in Oldenburg: open both times on a Monday
        assertThat(calendar.status(hours, FederalState.NI, Instant.parse("2026-11-23T07:30:00Z"))
                        .open())
                .isTrue();
        assertThat(calendar.status(hours, FederalState.NI, Instant.parse("2026-06-22T11:00:00Z"))
                        .open())
                .isFalse();
    }

    @Test
    void givenReformationDay_thenHolidayOnlyInStatesThatKeepIt() {
        // 2025-10-31 is a Friday: a holiday in Lower Saxony since 2018, not in Bavaria
        var lowerSaxony = calendar.status(hours, FederalState.NI, at(2025, 10, 31, 9, 0));
        assertThat(lowerSaxony.open()).isFalse();
        assertThat(lowerSaxony.reason()).isEqualTo(Reason.PUBLIC_HOLIDAY);
        assertThat(lowerSaxony.holiday()).isEqualTo("Reformationstag");
        assertThat(calendar.status(hours, FederalState.BY, at(2025, 10, 31, 9, 0))
                        .open())
                .isTrue();
    }

    @Test
    void givenExceptionOnWorkday_thenClosedWithItsNote() {
        var status = calendar.status(hours, FederalState.NI, at(2026, 11, 27, 9, 0));
        assertThat(status.open()).isFalse();
        assertThat(status.reason()).isEqualTo(Reason.EXCEPTION);
        assertThat(status.note()).isEqualTo("Betriebsausflug");
    }

    @Test
    void givenExceptionOnHoliday_thenExceptionWins() {
        // 2026-10-31 is a Saturday and Reformation Day in Lower Saxony: the special opening still applies
        var status = calendar.status(hours, FederalState.NI, at(2026, 10, 31, 9, 0));
        assertThat(status.open()).isTrue();
        assertThat(status.holiday()).isEqualTo("Reformationstag");
    }

    @Test
    void publicHolidaysOfAYearComeFromTheStateCalendar() {
        assertThat(new PublicHolidays().holidaysOf(Year.of(2026), FederalState.NI))
                .containsEntry(LocalDate.of(2026, 12, 25), "1. Weihnachtsfeiertag")
                .containsEntry(LocalDate.of(2026, 4, 3), "Karfreitag")
                .doesNotContainKey(LocalDate.of(2026, 1, 6));
        assertThat(new PublicHolidays().holidaysOf(Year.of(2026), FederalState.BY))
                .containsKey(LocalDate.of(2026, 1, 6));
    }

    @Test
    void givenUntilMidnightEveryDay_thenOpenAroundTheClock() {
        TimeRange allDay = new TimeRange(LocalTime.MIDNIGHT, TimeRange.END_OF_DAY);
        java.util.EnumMap<DayOfWeek, List<TimeRange>> everyDay = new java.util.EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            everyDay.put(day, List.of(allDay));
        }
        OpeningHours roundTheClock = new OpeningHours(everyDay, List.of());
        assertThat(calendar.status(roundTheClock, FederalState.NI, at(2026, 11, 24, 0, 0))
                        .open())
                .isTrue();
        assertThat(calendar.status(
                                roundTheClock,
                                FederalState.NI,
                                at(2026, 11, 24, 23, 59).plusSeconds(59).plusMillis(500))
                        .open())
                .as("last half second")
                .isTrue();
        assertThat(calendar.status(roundTheClock, FederalState.NI, at(2026, 11, 29, 3, 0))
                        .open())
                .isTrue();
        assertThat(allDay.toString()).isEqualTo("00:00–24:00");
    }
}
