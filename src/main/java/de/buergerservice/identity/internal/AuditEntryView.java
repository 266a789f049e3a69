package de.buergerservice.identity.internal;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;

import de.buergerservice.shared.audit.AuditedChange.Action;

/** An audit log line for the API and the admin page; {@code changes} is the JSON object of changed fields. */
public record AuditEntryView(
        UUID id,
        Instant occurredAt,
        String actor,
        String entityType,
        UUID entityId,
        UUID tenantId,
        Action action,
        @JsonRawValue String changes) {}
