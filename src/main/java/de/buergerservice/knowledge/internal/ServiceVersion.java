package de.buergerservice.knowledge.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import de.buergerservice.knowledge.ServiceState;

/** One saved state of an entry or of a tenant's override: who, when, and the whole layer as JSON. Never updated. */
@Entity
@Table(name = "knowledge_version")
public class ServiceVersion {

    /** Which layer a version belongs to. */
    public enum Layer {
        ENTRY,
        OVERRIDE
    }

    @Id
    private UUID id = UUID.randomUUID();

    @Column(name = "service_id", nullable = false, updatable = false)
    private UUID serviceId;

    @Column(name = "tenant_id", updatable = false)
    private UUID tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 10)
    private Layer layer;

    @Column(nullable = false, updatable = false)
    private int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 12)
    private ServiceState state;

    @Column(name = "changed_by", nullable = false, updatable = false, length = 100)
    private String changedBy;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    @Column(updatable = false, length = 300)
    private String note;

    @Column(nullable = false, updatable = false, columnDefinition = "text")
    private String snapshot;

    protected ServiceVersion() {}

    ServiceVersion(
            UUID serviceId,
            UUID tenantId,
            Layer layer,
            int number,
            ServiceState state,
            String changedBy,
            Instant changedAt,
            String note,
            String snapshot) {
        this.serviceId = serviceId;
        this.tenantId = tenantId;
        this.layer = layer;
        this.number = number;
        this.state = state;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
        this.note = note;
        this.snapshot = snapshot;
    }

    public UUID getId() {
        return id;
    }

    public UUID getServiceId() {
        return serviceId;
    }

    public UUID getTenantId() {
        return tenantId;
    }

    public Layer getLayer() {
        return layer;
    }

    public int getNumber() {
        return number;
    }

    public ServiceState getState() {
        return state;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getNote() {
        return note;
    }

    public String getSnapshot() {
        return snapshot;
    }
}
