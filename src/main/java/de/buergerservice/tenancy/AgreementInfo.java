package de.buergerservice.tenancy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** A cooperation agreement as other modules (reporting, billing) see it. */
public record AgreementInfo(
        UUID id,
        UUID serviceCenterId,
        UUID clientTenantId,
        Set<Channel> channels,
        LocalDate startDate,
        LocalDate trialPhaseEnd,
        LocalDate endDate,
        ServiceLevelTarget serviceLevelTarget,
        int targetAverageWaitSeconds,
        BigDecimal targetFirstContactResolutionPercent,
        BigDecimal pricePerContact,
        AgreementStatus status) {

    /** Whether the agreement covers {@code date} (start inclusive, end inclusive). */
    public boolean coversDate(LocalDate date) {
        return !date.isBefore(startDate) && (endDate == null || !date.isAfter(endDate));
    }
}
