package de.buergerservice.tenancy;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Servicelevel x/y: at least {@code percent} % of calls are answered within {@code withinSeconds} seconds,
 * e.g. 80 % in 20 s.
 */
public record ServiceLevelTarget(
        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
        BigDecimal percent,

        @NotNull @Positive @Max(3600) Integer withinSeconds) {}
