package de.buergerservice.identity.web;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.data.web.PagedModel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.buergerservice.identity.internal.AccessEntryView;
import de.buergerservice.identity.internal.AccessLogBook;
import de.buergerservice.shared.BerlinTime;
import de.buergerservice.shared.privacy.PersonalDataRead.Access;
import de.buergerservice.shared.web.InvalidFieldException;

/**
 * The access log for administrators, read only:
 * {@code /api/v1/access-log?actor=&entityType=&entityId=&access=&from=&to=&page=&size=} (days in Berlin time,
 * {@code to} inclusive). There is deliberately no endpoint that changes or removes a line.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class AccessLogApiController {

    private final AccessLogBook accessLog;

    AccessLogApiController(AccessLogBook accessLog) {
        this.accessLog = accessLog;
    }

    @GetMapping("/api/v1/access-log")
    PagedModel<AccessEntryView> search(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String entityType,
            @RequestParam(required = false) UUID entityId,
            @RequestParam(required = false) Access access,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return new PagedModel<>(accessLog.search(filter(actor, entityType, entityId, access, from, to), page, size));
    }

    static AccessLogBook.Filter filter(
            String actor, String entityType, UUID entityId, Access access, LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidFieldException("to", "accessLog.range.invalid");
        }
        return new AccessLogBook.Filter(
                actor,
                entityType,
                entityId,
                access,
                from == null ? null : from.atStartOfDay(BerlinTime.ZONE).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(BerlinTime.ZONE).toInstant());
    }
}
