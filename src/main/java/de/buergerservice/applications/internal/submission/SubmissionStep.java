package de.buergerservice.applications.internal.submission;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import de.buergerservice.applications.SubmissionStatus;

/** One line of a submission's history: the status it moved to, who, when, and the message (to or from the citizen). */
@Entity
@Table(name = "application_submission_step")
class SubmissionStep {

    @Id
    private UUID id = UUID.randomUUID();

    @Column(name = "submission_id", nullable = false, updatable = false)
    private UUID submissionId;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Column(nullable = false, updatable = false, length = 100)
    private String actor;

    @Column(name = "from_citizen", nullable = false, updatable = false)
    private boolean fromCitizen;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 20)
    private SubmissionStatus status;

    @Column(updatable = false, length = 4000)
    private String message;

    protected SubmissionStep() {}

    SubmissionStep(Submission submission, Instant at, String actor, boolean fromCitizen, String message) {
        this.submissionId = submission.getId();
        this.tenantId = submission.getTenantId();
        this.at = at;
        this.actor = actor;
        this.fromCitizen = fromCitizen;
        this.status = submission.getStatus();
        this.message = message == null || message.isBlank() ? null : message.strip();
    }

    UUID getId() {
        return id;
    }

    Instant getAt() {
        return at;
    }

    String getActor() {
        return actor;
    }

    boolean isFromCitizen() {
        return fromCitizen;
    }

    SubmissionStatus getStatus() {
        return status;
    }

    String getMessage() {
        return message;
    }
}
