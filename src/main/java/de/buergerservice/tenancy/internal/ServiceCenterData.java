package de.buergerservice.tenancy.internal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What an administrator enters for the operator. */
public record ServiceCenterData(
        @NotBlank @Size(max = 200) String name,
        @Email @Size(max = 320) String email,
        @E164 String phone) {}
