package de.buergerservice.backoffice.internal;

import java.time.Instant;
import java.util.UUID;

/** A mail of the outbox, as the administrator's page and the sender see it. */
public record OutboxMail(
        UUID id,
        UUID tenantId,
        UUID ticketId,
        MailPurpose purpose,
        String messageId,
        String sender,
        String recipient,
        String subject,
        String body,
        OutboxStatus status,
        int attempts,
        Instant nextAttemptAt,
        Instant lastAttemptAt,
        String lastError,
        Instant sentAt,
        Instant createdAt) {}
