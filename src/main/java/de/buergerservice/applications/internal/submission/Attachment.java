package de.buergerservice.applications.internal.submission;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import de.buergerservice.applications.UploadedFile;

/**
 * A file a citizen attached: stored by {@link AttachmentStore} under its id, with the content's SHA-256. The
 * citizen's file name is kept for display only; no path is ever built from it.
 */
@Entity
@Table(name = "application_attachment")
class Attachment {

    @Id
    private UUID id;

    @Column(name = "submission_id", nullable = false, updatable = false)
    private UUID submissionId;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "step_id", updatable = false)
    private UUID stepId;

    @Column(name = "field_key", updatable = false, length = 100)
    private String fieldKey;

    @Column(name = "file_name", nullable = false, updatable = false, length = 255)
    private String fileName;

    @Column(name = "media_type", nullable = false, updatable = false, length = 100)
    private String mediaType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(nullable = false, updatable = false, length = 64)
    private String sha256;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private Instant uploadedAt;

    protected Attachment() {}

    Attachment(Submission submission, UUID stepId, String fieldKey, UploadedFile file, Instant at) {
        this.id = file.id();
        this.submissionId = submission.getId();
        this.tenantId = submission.getTenantId();
        this.stepId = stepId;
        this.fieldKey = fieldKey;
        this.fileName = file.fileName();
        this.mediaType = file.mediaType();
        this.sizeBytes = file.size();
        this.sha256 = file.sha256();
        this.uploadedAt = at;
    }

    UUID getId() {
        return id;
    }

    UUID getSubmissionId() {
        return submissionId;
    }

    UUID getTenantId() {
        return tenantId;
    }

    UUID getStepId() {
        return stepId;
    }

    String getFieldKey() {
        return fieldKey;
    }

    String getFileName() {
        return fileName;
    }

    String getMediaType() {
        return mediaType;
    }

    long getSizeBytes() {
        return sizeBytes;
    }

    String getSha256() {
        return sha256;
    }

    Instant getUploadedAt() {
        return uploadedAt;
    }
}
