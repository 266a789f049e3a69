package de.buergerservice.tenancy.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

import org.springframework.stereotype.Component;

import de.buergerservice.shared.BerlinTime;
import de.buergerservice.tenancy.FederalState;
import de.buergerservice.tenancy.OpeningException;
import de.buergerservice.tenancy.OpeningHours;
import de.buergerservice.tenancy.OpeningStatus;
import de.buergerservice.tenancy.OpeningStatus.Reason;

/**
 * Decides whether a municipality is open: a date exception wins over everything (a municipality may open on a
 * holiday or close on a workday), then a public holiday of its federal state closes it, then the weekly hours.
 */
@Component
class OpeningCalendar {

    private final PublicHolidays holidays;

    OpeningCalendar(PublicHolidays holidays) {
        this.holidays = holidays;
    }

    OpeningStatus status(OpeningHours hours, FederalState state, Instant at) {
        LocalDateTime local = LocalDateTime.ofInstant(at, BerlinTime.ZONE);
        LocalDate date = local.toLocalDate();
        String holiday = holidays.holidayOn(date, state).orElse(null);
        Optional<OpeningException> exception = hours.exceptionOn(date);
        if (exception.isPresent()) {
            return new OpeningStatus(
                    hours.isOpenAt(local),
                    Reason.EXCEPTION,
                    holiday,
                    exception.get().note());
        }
        if (holiday != null) {
            return new OpeningStatus(false, Reason.PUBLIC_HOLIDAY, holiday, null);
        }
        boolean open = hours.isOpenAt(local);
        return new OpeningStatus(open, open ? Reason.REGULAR_HOURS : Reason.OUTSIDE_HOURS, null, null);
    }
}
