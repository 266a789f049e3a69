package de.buergerservice.knowledge.internal;

import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import de.buergerservice.shared.persistence.PersistentEntity;

/**
 * A tenant's layer over a catalogue entry (as in the 115 knowledge base): the content fields it sets replace the
 * catalogue's for this tenant only, plus the tenant's responsible department and local notes for agents. Imports
 * update catalogue entries and never touch this layer.
 */
@Entity
@Table(name = "knowledge_override")
public class ServiceOverride extends PersistentEntity {

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "service_id", nullable = false, updatable = false)
    private UUID serviceId;

    @Column(nullable = false, columnDefinition = "text")
    private String content;

    @Column(name = "department_id")
    private UUID departmentId;

    @Column(name = "internal_notes", columnDefinition = "text")
    private String internalNotes;

    @Column(nullable = false)
    private int revision;

    @Column(name = "last_editor", nullable = false, length = 100)
    private String lastEditor;

    protected ServiceOverride() {
    }

    ServiceOverride(UUID tenantId, UUID serviceId) {
        this.tenantId = tenantId;
        this.serviceId = serviceId;
        this.content = ServiceContent.EMPTY.toJson();
    }

    /** Sets the layer; returns whether anything changed. */
    boolean apply(ServiceContent fields, UUID newDepartmentId, String newNotes, String editor) {
        boolean changed = !fields.sameAs(content()) || !Objects.equals(departmentId, newDepartmentId)
                || !Objects.equals(internalNotes, newNotes);
        if (changed) {
            content = fields.toJson();
            departmentId = newDepartmentId;
            internalNotes = newNotes;
            lastEditor = editor;
            revision++;
        }
        return changed;
    }

    public ServiceContent content() {
        return ServiceContent.fromJson(content);
    }

    public UUID getTenantId() {
        return tenantId;
    }

    public UUID getServiceId() {
        return serviceId;
    }

    public UUID getDepartmentId() {
        return departmentId;
    }

    public String getInternalNotes() {
        return internalNotes;
    }

    public int getRevision() {
        return revision;
    }

    public String getLastEditor() {
        return lastEditor;
    }
}
