package de.buergerservice.backoffice.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.criteria.Predicate;
import org.springframework.data.jpa.domain.Specification;

import de.buergerservice.backoffice.TicketStatus;
import de.buergerservice.shared.BerlinTime;
import de.buergerservice.shared.web.InvalidFieldException;

/**
 * What an inbox shows: a municipality (slug, optional for users who see several), a department, a status and a
 * due view — {@code new} (not yet taken), {@code today} (open, due before midnight, not overdue), {@code overdue}
 * (open, deadline passed). Absent filters do not restrict.
 */
public record InboxFilter(String tenant, UUID department, TicketStatus status, Due due) {

    public enum Due {
        NEW,
        TODAY,
        OVERDUE;

        /** {@code today}, {@code TODAY}; blank is no filter; anything else is refused at the field {@code due}. */
        public static Due parse(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("due", "validation.ticket.due", value);
            }
        }
    }

    public static TicketStatus parseStatus(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return TicketStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("status", "validation.ticket.status", value);
        }
    }

    public static InboxFilter all() {
        return new InboxFilter(null, null, null, null);
    }

    /** Tickets of {@code tenants} and, unless null, only of {@code departments} (the user's own). */
    Specification<Ticket> toSpecification(Collection<UUID> tenants, Collection<UUID> departments, Instant now) {
        List<TicketStatus> open = List.of(TicketStatus.NEW, TicketStatus.IN_PROGRESS);
        Instant midnight = LocalDate.ofInstant(now, BerlinTime.ZONE)
                .plusDays(1)
                .atStartOfDay(BerlinTime.ZONE)
                .toInstant();
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(root.get("tenantId").in(tenants));
            if (departments != null) {
                where.add(
                        departments.isEmpty()
                                ? cb.disjunction()
                                : root.get("departmentId").in(departments));
            }
            if (department != null) {
                where.add(cb.equal(root.get("departmentId"), department));
            }
            if (status != null) {
                where.add(cb.equal(root.get("status"), status));
            }
            if (due == Due.NEW) {
                where.add(cb.equal(root.get("status"), TicketStatus.NEW));
            } else if (due == Due.TODAY) {
                where.add(root.get("status").in(open));
                where.add(cb.greaterThanOrEqualTo(root.get("dueAt"), now));
                where.add(cb.lessThan(root.get("dueAt"), midnight));
            } else if (due == Due.OVERDUE) {
                where.add(root.get("status").in(open));
                where.add(cb.lessThan(root.get("dueAt"), now));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
