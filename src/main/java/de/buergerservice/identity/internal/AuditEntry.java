package de.buergerservice.identity.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import de.buergerservice.shared.audit.AuditedChange.Action;

/** One line of the audit log: who changed which record, when, and what (changed fields as JSON). Never updated. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    private UUID id = UUID.randomUUID();

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false, length = 100)
    private String actor;

    @Column(name = "entity_type", nullable = false, updatable = false, length = 60)
    private String entityType;

    @Column(name = "entity_id", nullable = false, updatable = false)
    private UUID entityId;

    @Column(name = "tenant_id", updatable = false)
    private UUID tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 10)
    private Action action;

    @Column(nullable = false, updatable = false, columnDefinition = "text")
    private String changes;

    protected AuditEntry() {}

    AuditEntry(
            Instant occurredAt,
            String actor,
            String entityType,
            UUID entityId,
            UUID tenantId,
            Action action,
            String changes) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.entityType = entityType;
        this.entityId = entityId;
        this.tenantId = tenantId;
        this.action = action;
        this.changes = changes;
    }

    AuditEntryView toView() {
        return new AuditEntryView(id, occurredAt, actor, entityType, entityId, tenantId, action, changes);
    }
}
