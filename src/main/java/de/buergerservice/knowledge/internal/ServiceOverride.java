package de.buergerservice.knowledge.internal;

import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

    /**
     * The fields the layer sets, and while a change waits for approval (four-eyes rule, the entry being public) the
     * fields citizens see until then.
     */
    @Embedded
    private ReviewedContent content;

    @Column(name = "department_id")
    private UUID departmentId;

    @Column(name = "internal_notes", columnDefinition = "text")
    private String internalNotes;

    @Column(nullable = false)
    private int revision;

    @Column(name = "last_editor", nullable = false, length = 100)
    private String lastEditor;

    protected ServiceOverride() {}

    ServiceOverride(UUID tenantId, UUID serviceId) {
        this.tenantId = tenantId;
        this.serviceId = serviceId;
        this.content = new ReviewedContent(ServiceContent.EMPTY);
    }

    /** Sets the layer; returns whether anything changed. */
    boolean apply(ServiceContent fields, UUID newDepartmentId, String newNotes, String editor) {
        boolean fieldsChanged = content.differs(fields);
        if (fieldsChanged) {
            content.replace(fields);
        }
        return changed(fieldsChanged | setLocal(newDepartmentId, newNotes), editor);
    }

    /**
     * Changes the layer of a public service as a working copy: the content fields citizens see stay as they were
     * until someone else {@link #approve approves} the change; department and notes take effect at once. Returns
     * whether anything changed.
     */
    boolean applyAsWorkingCopy(ServiceContent fields, UUID newDepartmentId, String newNotes, String editor) {
        return changed(content.replaceAsWorkingCopy(fields) | setLocal(newDepartmentId, newNotes), editor);
    }

    private boolean setLocal(UUID newDepartmentId, String newNotes) {
        boolean changed = !Objects.equals(departmentId, newDepartmentId) || !Objects.equals(internalNotes, newNotes);
        departmentId = newDepartmentId;
        internalNotes = newNotes;
        return changed;
    }

    private boolean changed(boolean changed, String editor) {
        if (changed) {
            lastEditor = editor;
            revision++;
        }
        return changed;
    }

    /** Puts the waiting change online. */
    void approve() {
        content.release();
        revision++;
    }

    /** Whether a change to the content fields waits for approval. */
    boolean isPending() {
        return content.pending();
    }

    /** Whether the layer sets nothing at all (an approved removal leaves such a layer behind). */
    boolean isEmpty() {
        return content().setFields().isEmpty() && departmentId == null && internalNotes == null;
    }

    /** The fields citizens see: those in force while a change waits, else the layer's fields. */
    ServiceContent publishedLayer() {
        return content.inForce();
    }

    public ServiceContent content() {
        return content.current();
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
