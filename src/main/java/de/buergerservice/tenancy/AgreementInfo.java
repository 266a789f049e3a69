package de.buergerservice.tenancy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * A cooperation agreement as other modules (reporting, billing, back office) see it. {@code
 * callbackDeadlineServiceHours}: the service hours (see {@link ServiceHours}) the municipality's back office has to
 * answer a hand-off.
 */
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
        AgreementStatus status,
        int callbackDeadlineServiceHours) {

    /** The 115 promise: an answer within 24 service hours, unless the agreement says otherwise. */
    public static final int DEFAULT_CALLBACK_DEADLINE_SERVICE_HOURS = 24;

    /** Whether the agreement covers {@code date} (start inclusive, end inclusive). */
    public boolean coversDate(LocalDate date) {
        return !date.isBefore(startDate) && (endDate == null || !date.isAfter(endDate));
    }
}
