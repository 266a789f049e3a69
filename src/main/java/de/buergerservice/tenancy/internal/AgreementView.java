package de.buergerservice.tenancy.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import de.buergerservice.tenancy.AgreementStatus;
import de.buergerservice.tenancy.Channel;
import de.buergerservice.tenancy.ServiceLevelTarget;

/** A cooperation agreement as the REST API and the admin pages show it, with the parties named. */
public record AgreementView(
        UUID id,
        Party serviceCenter,
        Party clientTenant,
        Set<Channel> channels,
        LocalDate startDate,
        LocalDate trialPhaseEnd,
        LocalDate endDate,
        ServiceLevelTarget serviceLevelTarget,
        int targetAverageWaitSeconds,
        BigDecimal targetFirstContactResolutionPercent,
        BigDecimal pricePerContact,
        AgreementStatus status,
        int callbackDeadlineHours) {

    /** A party of the agreement; {@code slug} only for tenants. */
    public record Party(UUID id, String slug, String name) {}

    public AgreementData toData() {
        return new AgreementData(
                serviceCenter.id(),
                clientTenant.slug(),
                channels,
                startDate,
                trialPhaseEnd,
                endDate,
                serviceLevelTarget,
                targetAverageWaitSeconds,
                targetFirstContactResolutionPercent,
                pricePerContact,
                status,
                callbackDeadlineHours);
    }
}
