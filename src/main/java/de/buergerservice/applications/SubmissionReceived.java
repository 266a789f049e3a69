package de.buergerservice.applications;

import java.time.Instant;
import java.util.UUID;

/**
 * A citizen submitted a form: the back office of {@code tenantId} opens a case for the responsible department
 * ({@code departmentId}, null when the form's service names none) and confirms the receipt to {@code email}.
 * Published in the transaction that stores the submission. {@code receiptUrl} is where the citizen downloads the
 * PDF receipt again; {@code backofficePath} the page where the back office processes it.
 */
public record SubmissionReceived(
        UUID submissionId,
        UUID tenantId,
        UUID departmentId,
        UUID serviceId,
        String formKey,
        int formVersion,
        String formTitle,
        String trackingCode,
        String email,
        String statusUrl,
        String backofficePath,
        Instant at) {}
