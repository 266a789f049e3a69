package de.buergerservice.tenancy.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import de.buergerservice.tenancy.AgreementInfo;
import de.buergerservice.tenancy.AgreementStatus;
import de.buergerservice.tenancy.Channel;
import de.buergerservice.tenancy.ServiceLevelTarget;

/**
 * What an administrator enters for a cooperation agreement. The client is named by its slug. Money is an exact
 * decimal in EUR with at most two decimal places. The callback deadline is in service hours (1 to 720, default 24).
 */
public record AgreementData(
        @NotNull UUID serviceCenterId,
        @NotBlank String clientTenant,
        @NotEmpty Set<@NotNull Channel> channels,
        @NotNull LocalDate startDate,
        LocalDate trialPhaseEnd,
        LocalDate endDate,
        @NotNull @Valid ServiceLevelTarget serviceLevelTarget,
        @NotNull @PositiveOrZero @Max(3600) Integer targetAverageWaitSeconds,

        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
        BigDecimal targetFirstContactResolutionPercent,

        @NotNull
        @DecimalMin(value = "0", message = "{validation.price.negative}")
        @Digits(integer = 6, fraction = 2, message = "{validation.price.digits}")
        BigDecimal pricePerContact,

        @NotNull AgreementStatus status,

        @Min(value = 1, message = "{validation.callbackDeadline}")
        @Max(value = 720, message = "{validation.callbackDeadline}")
        Integer callbackDeadlineHours) {

    /** Without a callback deadline: the 115 promise's 24 service hours. */
    public AgreementData {
        callbackDeadlineHours = callbackDeadlineHours == null
                ? AgreementInfo.DEFAULT_CALLBACK_DEADLINE_SERVICE_HOURS
                : callbackDeadlineHours;
    }

    public AgreementData(
            UUID serviceCenterId,
            String clientTenant,
            Set<Channel> channels,
            LocalDate startDate,
            LocalDate trialPhaseEnd,
            LocalDate endDate,
            ServiceLevelTarget serviceLevelTarget,
            Integer targetAverageWaitSeconds,
            BigDecimal targetFirstContactResolutionPercent,
            BigDecimal pricePerContact,
            AgreementStatus status) {
        this(
                serviceCenterId,
                clientTenant,
                channels,
                startDate,
                trialPhaseEnd,
                endDate,
                serviceLevelTarget,
                targetAverageWaitSeconds,
                targetFirstContactResolutionPercent,
                pricePerContact,
                status,
                null);
    }

    // Reported on "trialPhaseEnd": a trial phase cannot end before the agreement starts.
    @AssertTrue(message = "{validation.trialPhaseEnd.beforeStart}")
    boolean isTrialPhaseEnd() {
        return startDate == null || trialPhaseEnd == null || !trialPhaseEnd.isBefore(startDate);
    }

    // Reported on "endDate": the agreement cannot end before it starts or before its trial phase ends.
    @AssertTrue(message = "{validation.endDate.beforeStart}")
    boolean isEndDate() {
        return endDate == null
                || (startDate == null || !endDate.isBefore(startDate))
                        && (trialPhaseEnd == null || !endDate.isBefore(trialPhaseEnd));
    }
}
