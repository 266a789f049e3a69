package de.buergerservice.applications.internal.submission;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.buergerservice.applications.SubmissionStatus;

/**
 * A submission as the back office sees it (and, less its internals, the citizen): the answers as stored, keyed by
 * the fields of form {@code formKey} in version {@code formVersion}.
 */
public record SubmissionView(
        UUID id,
        UUID tenantId,
        String tenantSlug,
        String formKey,
        int formVersion,
        String formTitle,
        UUID serviceId,
        UUID departmentId,
        String trackingCode,
        String email,
        Map<String, Object> answers,
        SubmissionStatus status,
        Instant receivedAt,
        Instant completedAt,
        List<StepView> history,
        List<AttachmentView> attachments) {}
