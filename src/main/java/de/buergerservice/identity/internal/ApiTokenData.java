package de.buergerservice.identity.internal;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What an administrator enters for a new API token: a name that says which system holds it, and the last day it
 * is valid (Europe/Berlin; at most {@value ApiTokenService#MAX_VALID_DAYS} days ahead).
 */
public record ApiTokenData(
        @NotBlank @Size(max = 100) String name, @NotNull LocalDate expiresOn) {}
