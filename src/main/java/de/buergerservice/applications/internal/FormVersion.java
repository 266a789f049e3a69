package de.buergerservice.applications.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One stored version of a form: the definition as JSON. Never changed, except that it may be published. */
@Entity
@Table(name = "application_form_version")
public class FormVersion {

    @Id
    private UUID id = UUID.randomUUID();

    @Column(name = "form_id", nullable = false, updatable = false)
    private UUID formId;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(nullable = false, updatable = false)
    private int number;

    @Column(nullable = false, updatable = false, columnDefinition = "text")
    private String definition;

    @Column(nullable = false)
    private boolean published;

    @Column(name = "created_by", nullable = false, updatable = false, length = 100)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected FormVersion() {}

    FormVersion(UUID formId, UUID tenantId, int number, String definition, String createdBy, Instant createdAt) {
        this.formId = formId;
        this.tenantId = tenantId;
        this.number = number;
        this.definition = definition;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void markPublished() {
        this.published = true;
    }

    public UUID getId() {
        return id;
    }

    public UUID getFormId() {
        return formId;
    }

    public UUID getTenantId() {
        return tenantId;
    }

    public int getNumber() {
        return number;
    }

    public String getDefinition() {
        return definition;
    }

    public boolean isPublished() {
        return published;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
