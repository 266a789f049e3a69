package de.buergerservice.applications.internal.submission;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import de.buergerservice.applications.SubmissionStatus;
import de.buergerservice.shared.persistence.PersistentEntity;

/**
 * A citizen's submission of one version of a form: the answers as JSON (field key → value), the address the
 * citizen is answered at, the tracking code, and the status. The form version is fixed at submission: the
 * submission is shown and checked with that version even after the form changed.
 */
@Entity
@Table(name = "application_submission")
class Submission extends PersistentEntity {

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "form_key", nullable = false, updatable = false, length = 100)
    private String formKey;

    @Column(name = "form_version", nullable = false, updatable = false)
    private int formVersion;

    @Column(name = "form_title", nullable = false, updatable = false, length = 300)
    private String formTitle;

    @Column(name = "service_id", updatable = false)
    private UUID serviceId;

    @Column(name = "department_id", updatable = false)
    private UUID departmentId;

    @Column(name = "tracking_code", nullable = false, updatable = false, length = 10)
    private String trackingCode;

    @Column(nullable = false, updatable = false, length = 320)
    private String email;

    @Column(nullable = false, updatable = false, columnDefinition = "text")
    private String answers;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private SubmissionStatus status = SubmissionStatus.RECEIVED;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    protected Submission() {}

    Submission(
            UUID tenantId,
            String formKey,
            int formVersion,
            String formTitle,
            UUID serviceId,
            UUID departmentId,
            String trackingCode,
            String email,
            String answers,
            Instant receivedAt) {
        this.tenantId = tenantId;
        this.formKey = formKey;
        this.formVersion = formVersion;
        this.formTitle = formTitle.length() <= 300 ? formTitle : formTitle.substring(0, 300);
        this.serviceId = serviceId;
        this.departmentId = departmentId;
        this.trackingCode = trackingCode;
        this.email = email;
        this.answers = answers;
        this.receivedAt = receivedAt;
    }

    /** Moves to {@code next}; a finished submission remembers when, for the retention period. */
    void changeTo(SubmissionStatus next, Instant at) {
        status = next;
        completedAt = next.finished() ? at : null;
    }

    UUID getTenantId() {
        return tenantId;
    }

    String getFormKey() {
        return formKey;
    }

    int getFormVersion() {
        return formVersion;
    }

    String getFormTitle() {
        return formTitle;
    }

    UUID getServiceId() {
        return serviceId;
    }

    UUID getDepartmentId() {
        return departmentId;
    }

    String getTrackingCode() {
        return trackingCode;
    }

    String getEmail() {
        return email;
    }

    String getAnswers() {
        return answers;
    }

    SubmissionStatus getStatus() {
        return status;
    }

    Instant getReceivedAt() {
        return receivedAt;
    }

    Instant getCompletedAt() {
        return completedAt;
    }
}
