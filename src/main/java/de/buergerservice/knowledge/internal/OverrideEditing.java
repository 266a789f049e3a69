package de.buergerservice.knowledge.internal;

import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.buergerservice.knowledge.ServiceView;
import de.buergerservice.shared.web.ConflictException;
import de.buergerservice.shared.web.ResourceNotFoundException;

/**
 * A tenant's override of a catalogue entry: set, removed, and under the four-eyes rule approved by a second person
 * before citizens see a change to a public service.
 */
@Service
@Transactional
public class OverrideEditing {

    private final KnowledgeAccess access;
    private final KnowledgeService knowledge;
    private final ServiceOverrideRepository overrides;
    private final Revisions revisions;
    private final KnowledgeProperties properties;

    OverrideEditing(
            KnowledgeAccess access,
            KnowledgeService knowledge,
            ServiceOverrideRepository overrides,
            Revisions revisions,
            KnowledgeProperties properties) {
        this.access = access;
        this.knowledge = knowledge;
        this.overrides = overrides;
        this.revisions = revisions;
        this.properties = properties;
    }

    /**
     * Sets this tenant's override of a catalogue entry: the fields given replace the catalogue's. Under the
     * four-eyes rule a change to the fields of a service citizens see waits for {@link #approveOverride approval};
     * until then they see the fields as they were.
     */
    @PreAuthorize(KnowledgeService.WRITERS)
    public ServiceView setOverride(String slug, UUID serviceId, OverrideData data) {
        UUID tenantId = access.tenant(slug).id();
        ServiceEntry entry = access.catalogueEntry(serviceId, tenantId);
        access.checkDepartment(tenantId, data.departmentId());
        ServiceOverride override = overrides
                .findByTenantIdAndServiceId(tenantId, serviceId)
                .orElseGet(() -> new ServiceOverride(tenantId, serviceId));
        save(entry, override, data.content(), data.departmentId(), Rules.text(data.internalNotes()), null);
        return knowledge.get(slug, serviceId);
    }

    /**
     * Drops this tenant's override: the tenant sees the catalogue entry as it is again. Under the four-eyes rule,
     * for a service citizens see, the removal is a change like any other and waits for approval.
     */
    @PreAuthorize(KnowledgeService.WRITERS)
    public ServiceView removeOverride(String slug, UUID serviceId) {
        UUID tenantId = access.tenant(slug).id();
        ServiceEntry entry = access.catalogueEntry(serviceId, tenantId);
        ServiceOverride override = overrides
                .findByTenantIdAndServiceId(tenantId, serviceId)
                .orElseThrow(() -> new ResourceNotFoundException("knowledgeOverride"));
        if (reviewed(entry)) {
            save(entry, override, ServiceContent.EMPTY, null, null, access.text("knowledge.version.overrideRemoved"));
        } else {
            delete(entry, override);
        }
        return knowledge.get(slug, serviceId);
    }

    /** Puts a waiting change to this tenant's override online; under the four-eyes rule not by its author. */
    @PreAuthorize(KnowledgeService.WRITERS)
    public ServiceView approveOverride(String slug, UUID serviceId) {
        UUID tenantId = access.tenant(slug).id();
        ServiceEntry entry = access.catalogueEntry(serviceId, tenantId);
        ServiceOverride override = overrides
                .findByTenantIdAndServiceId(tenantId, serviceId)
                .filter(ServiceOverride::isPending)
                .orElseThrow(() -> new ConflictException("knowledgeNothingToApprove"));
        if (properties.fourEyes() && override.getLastEditor().equals(access.username())) {
            throw new ConflictException("knowledgeFourEyes");
        }
        override.approve();
        if (override.isEmpty()) {
            delete(entry, override);
        } else {
            overrides.saveAndFlush(override);
            revisions.overrideSaved(
                    serviceId,
                    tenantId,
                    override,
                    override.getRevision(),
                    entry.getState(),
                    access.text("knowledge.version.overrideApproved"));
        }
        return knowledge.get(slug, serviceId);
    }

    /** Whether a change to what citizens see of the entry must be approved by a second person. */
    private boolean reviewed(ServiceEntry entry) {
        return properties.fourEyes() && entry.isPublic();
    }

    private void save(
            ServiceEntry entry,
            ServiceOverride override,
            ServiceContent fields,
            java.util.UUID departmentId,
            String notes,
            String comment) {
        String editor = access.username();
        boolean changed = reviewed(entry)
                ? override.applyAsWorkingCopy(fields, departmentId, notes, editor)
                : override.apply(fields, departmentId, notes, editor);
        if (changed) {
            overrides.saveAndFlush(override);
            revisions.overrideSaved(
                    entry.getId(), override.getTenantId(), override, override.getRevision(), entry.getState(), comment);
        }
    }

    private void delete(ServiceEntry entry, ServiceOverride override) {
        overrides.delete(override);
        overrides.flush();
        revisions.overrideSaved(
                entry.getId(),
                override.getTenantId(),
                null,
                override.getRevision() + 1,
                entry.getState(),
                access.text("knowledge.version.overrideRemoved"));
    }
}
