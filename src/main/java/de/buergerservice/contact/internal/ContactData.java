package de.buergerservice.contact.internal;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import de.buergerservice.contact.ContactChannel;

/**
 * A contact an agent records by hand (e-mail, web, walk-in, letter; phone contacts come from the switchboard):
 * the municipality's slug, the channel, when it started (default now) and optionally its documentation at once.
 */
public record ContactData(
        @NotBlank String tenant,
        @NotNull ContactChannel channel,
        Instant startedAt,
        @Valid DocumentationData documentation) {}
