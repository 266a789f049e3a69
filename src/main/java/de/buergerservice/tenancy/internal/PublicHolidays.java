package de.buergerservice.tenancy.internal;

import java.time.LocalDate;
import java.time.Year;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import de.buergerservice.tenancy.FederalState;
import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * Statutory public holidays per federal state from the Jollyday calendar (maintained upstream, so a new holiday
 * such as Berlin's Frauentag arrives with a library update, not a code change). Each state's year is computed
 * once and kept, because the switchboard asks on every call.
 */
@Component
public class PublicHolidays {

    private final HolidayManager germany =
            HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.GERMANY));
    private final Map<String, Map<LocalDate, String>> byStateAndYear = new ConcurrentHashMap<>();

    /** The German name of the public holiday on {@code date} in {@code state}, if it is one. */
    public Optional<String> holidayOn(LocalDate date, FederalState state) {
        return Optional.ofNullable(holidaysOf(Year.from(date), state).get(date));
    }

    public Map<LocalDate, String> holidaysOf(Year year, FederalState state) {
        return byStateAndYear.computeIfAbsent(
                state.name() + year,
                key -> germany.getHolidays(year, HolidayType.PUBLIC_HOLIDAY, state.holidayRegion()).stream()
                        .collect(Collectors.toUnmodifiableMap(
                                Holiday::getDate, holiday -> holiday.getDescription(Locale.GERMAN), (a, b) -> a)));
    }
}
