package de.buergerservice.applications.internal.submission;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import de.buergerservice.applications.SubmissionStatus;

/** A line of a submission's history, with the files the citizen sent with an answer. */
public record StepView(
        UUID id,
        Instant at,
        String actor,
        boolean fromCitizen,
        SubmissionStatus status,
        String message,
        List<AttachmentView> attachments) {}
