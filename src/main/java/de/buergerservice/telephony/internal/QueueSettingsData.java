package de.buergerservice.telephony.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a supervisor sets for a municipality's line. {@code overflowTenant} is a slug: after
 * {@code overflowAfterSeconds} that municipality's agents are offered the call too.
 */
public record QueueSettingsData(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Min(5) @Max(120) Integer ringTimeoutSeconds,
        @NotNull @Min(0) @Max(600) Integer wrapUpSeconds,
        String overflowTenant,
        @Min(1) @Max(3600) Integer overflowAfterSeconds,
        @NotNull QueueSettings.ClosedAction closedAction,
        @Size(max = 200) String redirectTarget) {}
