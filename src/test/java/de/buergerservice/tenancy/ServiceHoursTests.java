package de.buergerservice.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

/**
 * The 24-service-hour deadline, computed on Artland's demo hours (Monday–Thursday 8–17, Friday 8–13) with the
 * Lower Saxony holidays of the examples given as a set (the product takes them from Jollyday, see
 * {@code TicketDeadlineTests}).
 */
class ServiceHoursTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Duration DAY = Duration.ofHours(24);
    static final Predicate<LocalDate> NO_HOLIDAYS = date -> false;
    /** Ascension Day and both Christmas days 2026 (public holidays in Lower Saxony). */
    static final Set<LocalDate> HOLIDAYS_2026 =
            Set.of(LocalDate.of(2026, 5, 14), LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26));

    static OpeningHours artland(OpeningException... exceptions) {
        Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY)) {
            week.put(day, List.of(range(8, 17)));
        }
        week.put(DayOfWeek.FRIDAY, List.of(range(8, 13)));
        return new OpeningHours(week, List.of(exceptions));
    }

    static TimeRange range(int from, int to) {
        return new TimeRange(LocalTime.of(from, 0), LocalTime.of(to, 0));
    }

    static Instant berlin(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(BERLIN).toInstant();
    }

    static Optional<Instant> due(OpeningHours hours, Predicate<LocalDate> holidays, Instant from) {
        return ServiceHours.add(hours, holidays, BERLIN, from, DAY);
    }

    @Test
    void givenFridayNoon_thenTheWeekendDoesNotCount() {
        // Friday 12–13 (1 h), Monday 9 h, Tuesday 9 h, Wednesday 8–13 (5 h)
        assertThat(due(artland(), NO_HOLIDAYS, berlin(2026, 11, 27, 12, 0))).contains(berlin(2026, 12, 2, 13, 0));
    }

    @Test
    void givenSaturdayNight_thenTheClockStartsMondayMorning() {
        // Monday 9 h, Tuesday 9 h, Wednesday 8–14 (6 h)
        assertThat(due(artland(), NO_HOLIDAYS, berlin(2026, 11, 28, 23, 30))).contains(berlin(2026, 12, 2, 14, 0));
    }

    @Test
    void givenAscensionDay_thenTheHolidayIsSkipped() {
        // Wednesday 16–17 (1 h), Thursday the 14th is Ascension Day, Friday 5 h, Monday 9 h, Tuesday 9 h
        Instant wednesday = berlin(2026, 5, 13, 16, 0);
        assertThat(due(artland(), HOLIDAYS_2026::contains, wednesday)).contains(berlin(2026, 5, 19, 17, 0));
        // without the holiday, the Thursday would count
        assertThat(due(artland(), NO_HOLIDAYS, wednesday)).contains(berlin(2026, 5, 18, 17, 0));
    }

    @Test
    void givenAClosedDateException_thenThatDayIsSkipped() {
        // Wednesday the 23rd 9 h, the 24th closed by exception, the 25th/26th Christmas, Monday 9 h, Tuesday 8–14
        OpeningHours hours = artland(new OpeningException(LocalDate.of(2026, 12, 24), List.of(), "Heiligabend"));
        assertThat(due(hours, HOLIDAYS_2026::contains, berlin(2026, 12, 23, 8, 0)))
                .contains(berlin(2026, 12, 29, 14, 0));
    }

    @Test
    void givenAnExceptionWithReducedHours_thenOnlyThoseHoursCount() {
        // Thursday the 24th open 8–12 only (4 h instead of 9): Wednesday 9 h, Thursday 4 h, Monday 9 h, Tuesday 2 h
        OpeningHours hours =
                artland(new OpeningException(LocalDate.of(2026, 12, 24), List.of(range(8, 12)), "nur vormittags"));
        assertThat(due(hours, HOLIDAYS_2026::contains, berlin(2026, 12, 23, 8, 0)))
                .contains(berlin(2026, 12, 29, 10, 0));
    }

    @Test
    void givenAnExceptionOnAHoliday_thenTheExceptionOpens() {
        // open 10–14 on Ascension Day: Wednesday 1 h, Thursday 4 h, Friday 5 h, Monday 9 h, Tuesday 8–13 (5 h)
        OpeningHours hours = artland(new OpeningException(LocalDate.of(2026, 5, 14), List.of(range(10, 14)), "Wahl"));
        assertThat(due(hours, HOLIDAYS_2026::contains, berlin(2026, 5, 13, 16, 0)))
                .contains(berlin(2026, 5, 19, 13, 0));
    }

    @Test
    void givenAroundTheClockHoursOverTheEndOfSummerTime_thenServiceHoursAreRealHours() {
        Map<DayOfWeek, List<TimeRange>> always = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            always.put(day, List.of(new TimeRange(LocalTime.MIDNIGHT, TimeRange.END_OF_DAY)));
        }
        // the night of 25 October 2026 has 25 hours on the wall clock: 24 service hours end at 11:00, not 12:00
        assertThat(due(new OpeningHours(always, List.of()), NO_HOLIDAYS, berlin(2026, 10, 24, 12, 0)))
                .contains(berlin(2026, 10, 25, 11, 0));
    }

    @Test
    void givenTheDeadlineEndsExactlyAtClosingTime_thenItIsThatClosingTime() {
        // Monday 8–17, Tuesday 8–17, Wednesday 8–14: starting Monday 8:00 ends Wednesday 14:00; 18 h ends Tuesday 17:00
        Instant monday = berlin(2026, 11, 30, 8, 0);
        assertThat(due(artland(), NO_HOLIDAYS, monday)).contains(berlin(2026, 12, 2, 14, 0));
        assertThat(ServiceHours.add(artland(), NO_HOLIDAYS, BERLIN, monday, Duration.ofHours(18)))
                .contains(berlin(2026, 12, 1, 17, 0));
    }

    @Test
    void givenAMunicipalityWithoutOpeningHours_thenThereIsNoDeadline() {
        assertThat(due(OpeningHours.closed(), NO_HOLIDAYS, berlin(2026, 11, 30, 8, 0)))
                .isEmpty();
    }

    @Test
    void givenNegativeServiceTime_thenItIsRefused() {
        assertThatThrownBy(() -> ServiceHours.add(
                        artland(), NO_HOLIDAYS, BERLIN, berlin(2026, 11, 30, 8, 0), Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
