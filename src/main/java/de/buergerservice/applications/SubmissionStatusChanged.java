package de.buergerservice.applications;

import java.time.Instant;
import java.util.UUID;

/**
 * The status of a submission changed, or a message was added. {@code byCitizen} is true when the citizen answered a
 * request for more information (then the back office is told, not the citizen). When the back office changed it,
 * the citizen at {@code email} gets {@code message} (may be null) by mail. Published in the changing transaction.
 */
public record SubmissionStatusChanged(
        UUID submissionId,
        UUID tenantId,
        String trackingCode,
        String formTitle,
        String email,
        SubmissionStatus status,
        String message,
        boolean byCitizen,
        String statusUrl,
        Instant at) {}
