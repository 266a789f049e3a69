package de.buergerservice.backoffice.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;

import org.springframework.stereotype.Component;

import de.buergerservice.shared.BerlinTime;
import de.buergerservice.tenancy.AgreementInfo;
import de.buergerservice.tenancy.AgreementStatus;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * How long a municipality's back office has to answer a hand-off, in service hours: what its cooperation agreement
 * in force on the day of the hand-off says ({@link AgreementInfo#callbackDeadlineServiceHours()}), or the property
 * {@code buergerservice.backoffice.deadline} (24 h, the 115 promise) for a municipality without one — e.g. one whose
 * agreement has ended but whose back office still uses the product.
 */
@Component
class CallbackDeadlines {

    private final TenantDirectory tenants;
    private final BackofficeProperties properties;

    CallbackDeadlines(TenantDirectory tenants, BackofficeProperties properties) {
        this.tenants = tenants;
        this.properties = properties;
    }

    Duration serviceTimeFor(UUID tenantId, Instant handedOffAt) {
        LocalDate day = LocalDate.ofInstant(handedOffAt, BerlinTime.ZONE);
        return tenants.agreementsFor(tenantId).stream()
                .filter(a -> a.coversDate(day) && a.status() != AgreementStatus.ENDED)
                // of several in force, the newest decides
                .max(Comparator.comparing(AgreementInfo::startDate))
                .map(a -> Duration.ofHours(a.callbackDeadlineServiceHours()))
                .orElse(properties.deadline());
    }
}
