package de.buergerservice.applications.internal;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import de.buergerservice.shared.persistence.PersistentEntity;

/** A municipality's form: its key, the service it belongs to, its newest and its published version number. */
@Entity
@Table(name = "application_form")
public class ApplicationForm extends PersistentEntity {

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "form_key", nullable = false, updatable = false, length = 80)
    private String formKey;

    @Column(name = "service_id")
    private UUID serviceId;

    @Column(nullable = false, length = 300)
    private String title;

    @Column(name = "latest_version", nullable = false)
    private int latestVersion;

    @Column(name = "published_version")
    private Integer publishedVersion;

    @Column(name = "created_by", nullable = false, updatable = false, length = 100)
    private String createdBy;

    protected ApplicationForm() {}

    ApplicationForm(UUID tenantId, String formKey, UUID serviceId, String title, String createdBy) {
        this.tenantId = tenantId;
        this.formKey = formKey;
        this.serviceId = serviceId;
        this.title = title;
        this.createdBy = createdBy;
    }

    /** The number the next version gets; records it as the newest. */
    int nextVersion(String newTitle) {
        this.title = newTitle;
        return ++latestVersion;
    }

    void publish(int number) {
        this.publishedVersion = number;
    }

    void withdraw() {
        this.publishedVersion = null;
    }

    void linkService(UUID service) {
        this.serviceId = service;
    }

    public UUID getTenantId() {
        return tenantId;
    }

    public String getFormKey() {
        return formKey;
    }

    public UUID getServiceId() {
        return serviceId;
    }

    public String getTitle() {
        return title;
    }

    public int getLatestVersion() {
        return latestVersion;
    }

    public Integer getPublishedVersion() {
        return publishedVersion;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
